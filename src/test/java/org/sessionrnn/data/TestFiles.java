package org.sessionrnn.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations of the test fixtures and of the optional shared real data beside the project. */
final class TestFiles {
    private TestFiles() {
    }

    /** A small hand-written file under src/test/resources/fixtures. */
    static Path fixture(String name) {
        return Path.of("src", "test", "resources", "fixtures", name);
    }

    /** A file under ../shared/data; skips the calling test when it is absent (e.g. in a fresh clone). */
    static Path sharedData(String relative) {
        Path file = Path.of("..", "shared", "data").resolve(relative);
        assumeTrue(Files.isRegularFile(file), "shared data " + file.toAbsolutePath().normalize()
                + " is absent: skipping the test on real data");
        return file;
    }
}
