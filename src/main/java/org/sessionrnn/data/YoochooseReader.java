package org.sessionrnn.data;

import java.nio.file.Path;

/**
 * Reads the raw YOOCHOOSE (RecSys Challenge 2015) clicks file: no header, rows
 * {@code SessionId,Timestamp,ItemId,Category} with ISO-8601 UTC timestamps such as
 * {@code 2014-04-07T10:51:09.277Z}. The category is ignored.
 */
public final class YoochooseReader {
    private static final String LAYOUT = "SessionId,Timestamp,ItemId,Category";

    private YoochooseReader() {
    }

    /** Streams the file into a click log; any malformed row raises a {@link DataException}. */
    public static ClickLog read(Path file) {
        try (LineSource source = LineSource.open(file)) {
            return new ClickRowParser(source, columns()).parseAll();
        }
    }

    static ClickColumns columns() {
        return new ClickColumns(',', 4, 0, 2, 1, -1, new TimeParser.IsoInstant(), LAYOUT);
    }
}
