package org.sessionrnn.data;

import java.time.DateTimeException;

/**
 * The row loop shared by all readers: parses the remaining lines of a {@link LineSource} into a
 * {@link ClickLog}, turning every malformed row into a {@link DataException} that names file, line, the
 * offending text and what was expected.
 */
final class ClickRowParser {
    private final LineSource source;
    private final ClickColumns columns;
    private final Fields fields;
    /** Fields per row; when the layout leaves it open (0), the first row fixes it. */
    private int fieldCount;

    ClickRowParser(LineSource source, ClickColumns columns) {
        this.source = source;
        this.columns = columns;
        this.fields = new Fields(columns.delimiter());
        this.fieldCount = columns.fieldCount();
    }

    /** Parses every remaining line; fails when there is none. */
    ClickLog parseAll() {
        ClickLog log = new ClickLog();
        while (source.next()) {
            parseRow(log);
        }
        if (log.size() == 0) {
            throw new DataException(source.name() + ": no data rows (expected rows of " + columns.layout() + ")");
        }
        return log;
    }

    private void parseRow(ClickLog log) {
        int count = fields.split(source.line());
        if (fieldCount == 0 && count > columns.maxIndex()) {
            fieldCount = count;
        }
        if (count != fieldCount) {
            String expected = fieldCount == 0 ? "at least " + (columns.maxIndex() + 1) : Integer.toString(fieldCount);
            throw source.error("expected " + expected + " fields (" + columns.layout() + ") but found " + count
                    + " in '" + LineSource.quote(source.line()) + "'");
        }
        long session = integer(columns.session(), "session id");
        long item = integer(columns.item(), "item id");
        long time = time();
        if (columns.order() >= 0) {
            time += integer(columns.order(), "order value");
        }
        log.add(session, item, time);
    }

    private long integer(int field, String what) {
        try {
            return fields.parseLong(field);
        } catch (NumberFormatException e) {
            throw source.error("bad " + what + " '" + LineSource.quote(fields.text(field))
                    + "' (expected an integer)");
        }
    }

    private long time() {
        int f = columns.time();
        try {
            return columns.timeParser().toMillis(fields.line(), fields.start(f), fields.end(f));
        } catch (DateTimeException | NumberFormatException | ArithmeticException e) {
            throw source.error("bad timestamp '" + LineSource.quote(fields.text(f)) + "' (expected "
                    + columns.timeParser().expected() + ")");
        }
    }
}
