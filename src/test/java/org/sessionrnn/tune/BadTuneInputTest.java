package org.sessionrnn.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad search input through the command line: one error line, exit code 2, nothing written. */
class BadTuneInputTest {
    private static final String SPEC = """
            name: bad
            variants:
              - model: m1
            search:
              params:
                learning_rate: {log_uniform: [0, 0.1]}
            """;

    @TempDir
    Path root;

    @Test
    void badSearchStopsBeforeAnythingIsWritten() throws Exception {
        Path spec = root.resolve("bad.yaml");
        Files.writeString(spec, SPEC);
        Path out = root.resolve("out");
        assertOneLine(PlantedTune.run("tune", spec.toString(), "--output", out.toString()),
                "error: " + spec + ":6:35: search.params.learning_rate.log_uniform[0]: log_uniform needs bounds "
                        + "above 0, got 0");
        assertOneLine(PlantedTune.run("tune", spec.toString(), "--output", out.toString(), "--set",
                "search.params.learning_rate=[0.01]", "--trials", "0"), "error: --trials 0: search.trials: 0 must "
                + "be >= 1");
        assertOneLine(PlantedTune.run(spec.toString(), "--output", out.toString()), "error: " + spec + ":4:1: "
                + "search: belongs to the tune command: java -jar runner.jar tune " + spec + " (run trains the "
                + "variants as written; remove the section or add --set search=null)");
        assertFalse(Files.exists(out), "nothing written");
    }

    private static void assertOneLine(PlantedTune.Result r, String expected) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals(expected + System.lineSeparator(), r.err());
    }
}
