package org.sessionrnn.data;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Formats clicks as raw YOOCHOOSE rows {@code SessionId,Timestamp,ItemId,Category} with ISO-8601 UTC
 * millisecond timestamps, by hand and into one reused buffer, because the generator writes millions of rows.
 */
final class YoochooseLineFormat {
    private final StringBuilder line = new StringBuilder(64);
    private long cachedDay = Long.MIN_VALUE;
    private String cachedDate;

    private char[] chars = new char[64];

    /** Writes the row of one click, copying through a reused array since Writer.append would copy to a String. */
    void write(Writer out, long sessionId, long timeMs, long itemId) throws IOException {
        line.setLength(0);
        line.append(sessionId).append(',');
        appendTimestamp(timeMs);
        line.append(',').append(itemId).append(",0\n");
        if (chars.length < line.length()) {
            chars = new char[line.length() * 2];
        }
        line.getChars(0, line.length(), chars, 0);
        out.write(chars, 0, line.length());
    }

    private void appendTimestamp(long timeMs) {
        long day = Math.floorDiv(timeMs, TimeParser.DAY_MS);
        if (day != cachedDay) {
            cachedDate = LocalDate.ofEpochDay(day).toString();
            cachedDay = day;
        }
        int msOfDay = (int) (timeMs - day * TimeParser.DAY_MS);
        line.append(cachedDate).append('T');
        pad(msOfDay / 3_600_000, 2).append(':');
        pad(msOfDay / 60_000 % 60, 2).append(':');
        pad(msOfDay / 1000 % 60, 2).append('.');
        pad(msOfDay % 1000, 3).append('Z');
    }

    private StringBuilder pad(int value, int width) {
        for (int limit = width == 3 ? 100 : 10; limit > 1 && value < limit; limit /= 10) {
            line.append('0');
        }
        return line.append(value);
    }
}
