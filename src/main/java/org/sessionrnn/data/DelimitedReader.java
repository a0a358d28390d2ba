package org.sessionrnn.data;

import java.nio.file.Path;
import org.sessionrnn.spec.CsvSpec;

/**
 * Reads any delimited clicks file described by a {@link CsvSpec}: columns by header name or 0-based index,
 * one of several time formats, and an optional order column whose value is added to the time so that clicks
 * sharing a coarse time (e.g. DIGINETICA's {@code eventdate} day plus its {@code timeframe}) keep their order
 * within a session.
 */
public final class DelimitedReader {
    private DelimitedReader() {
    }

    /** Streams the file into a click log; a malformed row or a column missing from the header raises a DataException. */
    public static ClickLog read(Path file, CsvSpec spec) {
        char delimiter = delimiter(spec.delimiter());
        TimeParser timeParser = TimeParser.of(spec.timeFormat());
        try (LineSource source = LineSource.open(file)) {
            HeaderColumns header = null;
            if (spec.header()) {
                if (!source.next()) {
                    throw new DataException(file + ": empty file (expected a header and data rows)");
                }
                header = HeaderColumns.read(source, delimiter);
            }
            String layout = layout(spec);
            int order = spec.orderColumn() == null ? -1 : column(spec.orderColumn(), header, layout, file);
            int session = column(spec.sessionColumn(), header, layout, file);
            int item = column(spec.itemColumn(), header, layout, file);
            int time = column(spec.timeColumn(), header, layout, file);
            distinct(file, layout, new String[] {"session", "item", "time", "order"},
                    new int[] {session, item, time, order});
            ClickColumns columns = new ClickColumns(delimiter, header == null ? 0 : header.count(), session, item,
                    time, order, timeParser, layout);
            return new ClickRowParser(source, columns).parseAll();
        }
    }

    /** Two roles read from one column would make, e.g., every click its own item: a mistyped setting. */
    private static void distinct(Path file, String layout, String[] roles, int[] columns) {
        for (int i = 0; i < columns.length; i++) {
            for (int j = i + 1; j < columns.length; j++) {
                if (columns[i] >= 0 && columns[i] == columns[j]) {
                    throw new DataException(file + ": data.csv." + roles[i] + " and data.csv." + roles[j]
                            + " are the same column (" + columns[i] + "); each must name its own column (" + layout
                            + ")");
                }
            }
        }
    }

    /** A single character; "\t" written out and "tab" also mean the tab character. */
    private static char delimiter(String text) {
        if ("\\t".equals(text) || "tab".equalsIgnoreCase(text)) {
            return '\t';
        }
        if (text == null || text.length() != 1) {
            throw new DataException("csv delimiter must be a single character, got '" + text + "'");
        }
        return text.charAt(0);
    }

    /** A column given as a 0-based index, or by name when the file has a header. */
    private static int column(String column, HeaderColumns header, String layout, Path file) {
        if (column == null || column.isBlank()) {
            throw new DataException(file + ": csv column setting missing (expected " + layout + ")");
        }
        if (column.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(column);
        }
        if (header == null) {
            throw new DataException(file + ": column '" + column
                    + "' is given by name but the spec says the file has no header (use a 0-based index)");
        }
        return header.indexOf(column, layout);
    }

    private static String layout(CsvSpec spec) {
        return "session=" + spec.sessionColumn() + ", item=" + spec.itemColumn() + ", time=" + spec.timeColumn()
                + " as " + spec.timeFormat() + (spec.orderColumn() == null ? "" : ", order=" + spec.orderColumn())
                + ", separated by '" + spec.delimiter() + "'";
    }
}
