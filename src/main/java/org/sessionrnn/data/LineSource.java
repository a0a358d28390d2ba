package org.sessionrnn.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sessionrnn.io.FileSniffer;

/**
 * The lines of one UTF-8 text file with their 1-based numbers, so that every parse error can name file and line.
 * Blank lines are skipped because trailing newlines are common in exported data. The file is sniffed before it is
 * read ({@link FileSniffer}: compressed, binary, zero-filled or UTF-16 files are refused), bytes that are not
 * UTF-8 are an error rather than silently replaced, and a line longer than {@link #MAX_LINE} characters is
 * refused, so that no file can make a reader hold a giant line in memory.
 */
final class LineSource implements Closeable {
    /** Longest line accepted, in characters; click rows are a few dozen. */
    static final int MAX_LINE = 1 << 20;
    /** Longest part of a line quoted in an error message. */
    static final int MAX_QUOTE = 120;
    private static final int BUFFER_CHARS = 1 << 16;
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final String name;
    private final Reader reader;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder partial = new StringBuilder();
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private long lineNumber;
    private String line;

    LineSource(String name, Reader reader) {
        this.name = name;
        this.reader = reader;
    }

    /** Opens a file, failing with a {@link DataException} when it is missing, unreadable or not text. */
    static LineSource open(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataException(file + ": is a folder, not a data file");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": file not found");
        }
        try {
            FileSniffer.problem(file).ifPresent(problem -> {
                throw new DataException(file + ": " + problem);
            });
            return new LineSource(file.toString(), new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)));
        } catch (AccessDeniedException e) {
            throw new DataException(file + ": cannot read (permission denied)", e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot open (" + e.getMessage() + ")", e);
        }
    }

    /** Advances to the next non-blank line; false at the end of the file. */
    boolean next() {
        try {
            do {
                line = readLine();
                lineNumber++;
                if (lineNumber == 1 && line != null && line.startsWith(BYTE_ORDER_MARK)) {
                    // spreadsheet programs start UTF-8 exports with a byte order mark: not part of the header
                    line = line.substring(1);
                }
            } while (line != null && line.isBlank());
            return line != null;
        } catch (CharacterCodingException e) {
            throw new DataException(name + ":" + (lineNumber + 1) + ": not UTF-8 text (" + e.getMessage()
                    + "); convert the file to UTF-8, e.g. iconv -f LATIN1 -t UTF-8", e);
        } catch (IOException e) {
            throw new DataException(name + ":" + (lineNumber + 1) + ": read failed (" + e.getMessage() + ")", e);
        }
    }

    /** The next line without its terminator (\n, \r\n or \r), or null at the end. */
    private String readLine() throws IOException {
        partial.setLength(0);
        int start = position;
        while (true) {
            if (position == limit) {
                partial.append(buffer, start, position - start);
                if (!fill()) {
                    return partial.length() == 0 ? null : partial.toString();
                }
                start = position;
            }
            char c = buffer[position];
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    start = ++position;
                    continue;
                }
            }
            if (c == '\n' || c == '\r') {
                String text = partial.length() == 0 ? new String(buffer, start, position - start)
                        : partial.append(buffer, start, position - start).toString();
                position++;
                skipLineFeed = c == '\r';
                return text;
            }
            position++;
            if (partial.length() + position - start > MAX_LINE) {
                throw new DataException(name + ":" + (lineNumber + 1) + ": line longer than " + MAX_LINE
                        + " characters (is this the right file, with line breaks?)");
            }
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    String line() {
        return line;
    }

    String name() {
        return name;
    }

    /** An error located at the current line. */
    DataException error(String message) {
        return new DataException(name + ":" + lineNumber + ": " + message);
    }

    /** {@code text} for quoting in a message: cut to {@link #MAX_QUOTE} characters. */
    static String quote(String text) {
        return text.length() <= MAX_QUOTE ? text
                : text.substring(0, MAX_QUOTE) + "... (" + text.length() + " characters)";
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new DataException(name + ": close failed (" + e.getMessage() + ")", e);
        }
    }
}
