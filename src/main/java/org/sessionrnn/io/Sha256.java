package org.sessionrnn.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints as lower-case hex, cut to the number of hex digits a caller keeps: data hashes and
 * synthetic cache names (16), spec hashes (12), run configuration hashes (16), pre-trained model keys (12).
 */
public final class Sha256 {
    private Sha256() {
    }

    /** The first {@code hexDigits} hex digits of the SHA-256 of {@code text} encoded as UTF-8. */
    public static String ofText(String text, int hexDigits) {
        MessageDigest digest = newDigest();
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        return hex(digest, hexDigits);
    }

    /** The first {@code hexDigits} hex digits of the SHA-256 of the files' bytes, in order, streamed. */
    public static String ofFiles(int hexDigits, Path... files) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return hex(digest, hexDigits);
    }

    private static String hex(MessageDigest digest, int hexDigits) {
        return HexFormat.of().formatHex(digest.digest()).substring(0, hexDigits);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
