package org.sessionrnn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Looks at the first bytes of a file that should be text (a spec, a data file, a summary), before any parser
 * sees it, and says what it is instead: compressed (gzip, zip, bzip2, xz, zstd), zero-filled, UTF-16 text, or other binary content. Parsers
 * would otherwise read such a file as one giant line, echo its bytes into error messages or run out of memory.
 */
public final class FileSniffer {
    /** How much of the start is looked at. */
    static final int SAMPLE = 8192;

    private FileSniffer() {
    }

    /** What is wrong with {@code file} as a text file, or empty when it looks like text. */
    public static Optional<String> problem(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE);
        }
        return problem(head);
    }

    static Optional<String> problem(byte[] head) {
        int n = head.length;
        if (n == 0) {
            return Optional.empty();
        }
        String compressed = compression(head);
        if (compressed != null) {
            return Optional.of("is " + compressed + "-compressed, not text; decompress it first");
        }
        if (n >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
                || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe)) {
            return Optional.of("is UTF-16 text; convert it to UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
        }
        int zeros = 0;
        int controls = 0;
        for (byte b : head) {
            int c = b & 0xff;
            zeros += c == 0 ? 1 : 0;
            controls += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' ? 1 : 0;
        }
        if (zeros == n) {
            return Optional.of("is zero-filled (its first " + n + " bytes are all 0), not text");
        }
        if (zeros > 0 || controls * 20 > n) {
            return Optional.of("is binary, not text (it holds " + (zeros > 0 ? "NUL bytes" : "control characters")
                    + " in its first " + n + " bytes)");
        }
        return Optional.empty();
    }

    /** The compression format whose magic number {@code head} starts with (e.g. "gzip"), or empty. */
    public static Optional<String> compressionOf(byte[] head) {
        return Optional.ofNullable(compression(head));
    }

    private static String compression(byte[] h) {
        if (starts(h, 0x1f, 0x8b)) {
            return "gzip";
        }
        if (starts(h, 'P', 'K', 3, 4)) {
            return "zip";
        }
        if (starts(h, 'B', 'Z', 'h')) {
            return "bzip2";
        }
        if (starts(h, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return "xz";
        }
        if (starts(h, 0x28, 0xb5, 0x2f, 0xfd)) {
            return "zstd";
        }
        return null;
    }

    private static boolean starts(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
