package org.sessionrnn.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Text cells laid out in aligned columns, as a Markdown table or as plain text for a terminal. Cells that look
 * numeric are right-aligned, the others left-aligned.
 */
public final class AlignedTable {
    private static final Pattern NUMERIC = Pattern.compile("[-+]?[0-9][0-9.,eE+-]*%?( ± .*)?|–|n/a");

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /** An empty table with the given column titles. */
    public AlignedTable(List<String> header) {
        this.header = List.copyOf(header);
    }

    /** Appends a row; it must have one cell per column. */
    public AlignedTable add(List<String> row) {
        if (row.size() != header.size()) {
            throw new IllegalArgumentException("row has " + row.size() + " cells, table has " + header.size());
        }
        rows.add(List.copyOf(row));
        return this;
    }

    /** Number of rows below the header. */
    public int rowCount() {
        return rows.size();
    }

    /** A GitHub-flavoured Markdown table, with an alignment row and padded cells. */
    public String markdown() {
        int[] widths = widths(3);
        StringBuilder out = new StringBuilder(line(header, widths, " | ", "| ", " |"));
        out.append(IntStream.range(0, widths.length).mapToObj(i -> rule(i, widths[i]))
                .collect(Collectors.joining("|", "|", "|\n")));
        rows.forEach(r -> out.append(line(r, widths, " | ", "| ", " |")));
        return out.toString();
    }

    /** Plain text: columns separated by two spaces, the header underlined with dashes. */
    public String plain() {
        int[] widths = widths(1);
        StringBuilder out = new StringBuilder(line(header, widths, "  ", "", ""));
        out.append(IntStream.range(0, widths.length).mapToObj(i -> "-".repeat(widths[i]))
                .collect(Collectors.joining("  ", "", "\n")));
        rows.forEach(r -> out.append(line(r, widths, "  ", "", "")));
        return out.toString();
    }

    private int[] widths(int minimum) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            int column = i;
            widths[i] = Math.max(minimum, Math.max(header.get(i).length(),
                    rows.stream().mapToInt(r -> r.get(column).length()).max().orElse(0)));
        }
        return widths;
    }

    private String line(List<String> cells, int[] widths, String separator, String open, String close) {
        return IntStream.range(0, cells.size()).mapToObj(i -> pad(cells.get(i), widths[i], rightAligned(i)))
                .collect(Collectors.joining(separator, open, close)).stripTrailing() + "\n";
    }

    private String rule(int column, int width) {
        return rightAligned(column) ? " " + "-".repeat(width - 1) + ": " : " " + "-".repeat(width) + " ";
    }

    private boolean rightAligned(int column) {
        return !rows.isEmpty() && rows.stream().allMatch(r -> NUMERIC.matcher(r.get(column)).matches());
    }

    private static String pad(String cell, int width, boolean right) {
        String fill = " ".repeat(width - cell.length());
        return right ? fill + cell : cell + fill;
    }
}
