package org.sessionrnn.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sessionrnn.io.Sha256;
import org.sessionrnn.spec.SyntheticSpec;

/**
 * Generates the synthetic clicks file of a spec once and reuses it: the file is named by a hash of the
 * settings (and of the generator version, to be bumped whenever its output changes) and appears atomically,
 * so an interrupted or concurrent run never sees half a file.
 */
public final class SyntheticDataCache {
    /** Part of the cache key; change it whenever the generator's output for a spec changes. */
    static final String GENERATOR_VERSION = "1";
    /** Hex digits of the SHA-256 kept in the key. */
    private static final int KEY_DIGITS = 16;

    private final Path directory;

    public SyntheticDataCache(Path directory) {
        this.directory = directory;
    }

    /** A stable content key of the settings, also used as the dataset's hash. */
    public static String key(SyntheticSpec spec) {
        return Sha256.ofText("synthetic-v" + GENERATOR_VERSION + ":" + spec, KEY_DIGITS);
    }

    /** The clicks file of {@code spec} if it is cached already; nothing is created. */
    public Optional<Path> cached(SyntheticSpec spec) {
        Path file = fileOf(spec);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Path fileOf(SyntheticSpec spec) {
        return directory.resolve("synthetic-" + key(spec) + ".dat");
    }

    /** The path of the clicks file for {@code spec}, generating it first when it is not cached yet. */
    public Path materialise(SyntheticSpec spec) {
        Path file = fileOf(spec);
        if (Files.isRegularFile(file)) {
            return file;
        }
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, "synthetic-", ".tmp");
            try {
                new SyntheticClickGenerator(spec).write(temp);
                moveIntoPlace(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create synthetic data in " + directory, e);
        }
    }

    private static void moveIntoPlace(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
