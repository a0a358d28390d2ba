package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.report.ReportWriter;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.SpecLoader;

/**
 * Every model kind runs on SR-GNN's files (the tiny fixtures: sessions [1, 2, 3] cut, [5, 6, 7], [2, 5]; three test
 * prefixes, one with a target no training session clicks): the test prefixes are all evaluated, and validation is
 * the most recent training session.
 */
@Tag("slow")
class SrgnnRunTest {
    private static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "srgnn").toAbsolutePath();

    @Test
    void everyKindRunsOnThePicklesWithTheRecentSessionHeldOut(@TempDir Path dir) throws Exception {
        String spec = """
                name: srgnn
                data:
                  source: srgnn
                  train: %s
                  test: %s
                protocol: {fractions: [1/2, 1], cutoff: 3}
                variants:
                  - {model: m1, gru_sizes: [8], embedding: 4, max_epochs: 1}
                  - {model: m2, gru_sizes: [8], embedding: 4, max_epochs: 1}
                  - {model: m3, gru_sizes: [8], embedding: 4, max_epochs: 1}
                  - {model: m4, gru_sizes: [8], embedding: 4, max_epochs: 1}
                  - {model: m1plus, gru_sizes: [8], max_epochs: 1}
                  - model: pop
                  - model: spop
                  - model: itemknn
                """.formatted(FIXTURES.resolve("train.txt"), FIXTURES.resolve("test.txt"));
        Path specFile = dir.resolve("srgnn.yaml");
        Files.writeString(specFile, spec);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExperimentSpec loaded = SpecLoader.load(specFile, List.of(), dir.resolve("results"));
        List<RunRecord> runs = new ExperimentRunner(loaded, false, new PrintStream(log, true), ReportWriter.GRID)
                .run();
        Map<String, RunRecord> byId = runs.stream().collect(Collectors.toMap(RunRecord::runId, r -> r));
        assertEquals(15, runs.size(), String.join(", ", byId.keySet()));
        runs.forEach(r -> assertEquals(RunRecord.DONE, r.status(), r.runId() + ": " + r.failure()));
        runs.forEach(r -> assertEquals(3, r.testSequences(), r.runId() + ": every test prefix, none dropped"));
        RunRecord m1 = byId.get("m1-gru8-f1-s1");
        assertEquals(4, m1.trainSequences());
        assertEquals(1, m1.validationSequences(), "the last session [2, 5] is held out");
        assertEquals(5, byId.get("pop-f1-s1").trainSequences(), "baselines hold nothing out");
        assertTrue(log.toString().contains("9 items, 5 training sequences, 3 test sequences"), log.toString());
    }
}
