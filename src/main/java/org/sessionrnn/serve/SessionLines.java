package org.sessionrnn.serve;

import java.io.IOException;
import java.io.Reader;
import java.util.Locale;
import org.sessionrnn.data.DataException;

/**
 * Reads sessions one per line, refusing a line longer than a bound: {@link java.io.BufferedReader#readLine()} would
 * hold any line in memory, however long, so a file without line breaks (or a wrong file) would end in an
 * out-of-memory error instead of a message. Lines end at {@code \n}, {@code \r\n} or {@code \r}.
 */
public final class SessionLines {
    /** The longest line read: far beyond any session, far below memory. */
    public static final int MAX_CHARS = 1 << 20;

    private final Reader in;
    private final String source;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private int lineNumber;
    private boolean afterCr;

    /**
     * @param in       the text
     * @param source   how messages name it, e.g. {@code --input sessions.txt} or {@code stdin}
     * @param maxChars the longest line accepted
     */
    public SessionLines(Reader in, String source, int maxChars) {
        this.in = in;
        this.source = source;
        this.maxChars = maxChars;
    }

    /** The next line without its line break, or null at the end. */
    public String next() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == limit && !fill()) {
                // as BufferedReader: text after the last line break is a line, nothing after it is none
                return line.length() == 0 ? null : finish();
            }
            char c = buffer[position++];
            if (afterCr && c == '\n') {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            if (c == '\n' || c == '\r') {
                return finish();
            }
            if (line.length() == maxChars) {
                throw new DataException(String.format(Locale.ROOT, "%s line %,d is longer than %,d characters; give "
                        + "one session per line, item ids separated by spaces or commas", source, lineNumber + 1,
                        maxChars));
            }
            line.append(c);
        }
    }

    /** Lines read so far. */
    public int lineNumber() {
        return lineNumber;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private String finish() {
        lineNumber++;
        return line.toString();
    }
}
