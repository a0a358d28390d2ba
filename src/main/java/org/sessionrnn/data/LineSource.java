package org.sessionrnn.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The lines of one text file with their 1-based numbers, so that every parse error can name file and line.
 * Blank lines are skipped because trailing newlines are common in exported data.
 */
final class LineSource implements Closeable {
    private static final int BUFFER_CHARS = 1 << 16;

    private final String name;
    private final BufferedReader reader;
    private long lineNumber;
    private String line;

    LineSource(String name, Reader reader) {
        this.name = name;
        this.reader = new BufferedReader(reader, BUFFER_CHARS);
    }

    /** Opens a file, failing with a {@link DataException} when it is missing or unreadable. */
    static LineSource open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": file not found");
        }
        try {
            return new LineSource(file.toString(),
                    new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DataException(file + ": cannot open (" + e.getMessage() + ")", e);
        }
    }

    /** Advances to the next non-blank line; false at the end of the file. */
    boolean next() {
        try {
            do {
                line = reader.readLine();
                lineNumber++;
            } while (line != null && line.isBlank());
            return line != null;
        } catch (IOException e) {
            throw new DataException(name + ":" + lineNumber + ": read failed (" + e.getMessage() + ")", e);
        }
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

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new DataException(name + ": close failed (" + e.getMessage() + ")", e);
        }
    }
}
