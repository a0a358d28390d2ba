package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.report.ReportWriter;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.SpecException;
import org.sessionrnn.spec.SpecLoader;
import org.sessionrnn.spec.SpecWriter;

/**
 * A kind defined by one constant and its own classes ({@link ToyKind}, {@link ToyRun}) is read from a spec,
 * validated, written back, run and reported like the project's kinds, with no other file knowing its name.
 */
class AddingAModelKindTest {
    private static final String SPEC = """
            name: toy
            seeds: [5]
            data:
              synthetic: {clicks: 8000, items: 120, clusters: 6, days: 6, seed: 5}
            protocol:
              fractions: [1]
            variants:
              - model: toy
            """;

    @Test
    void aToyKindRunsEndToEnd(@TempDir Path dir) throws Exception {
        Path specFile = dir.resolve("toy.yaml");
        Files.writeString(specFile, SPEC);
        ExperimentSpec spec = SpecLoader.load(specFile, List.of(), dir.resolve("out"));
        assertTrue(SpecWriter.toYaml(spec).contains("model: toy"), SpecWriter.toYaml(spec));

        List<RunRecord> records = new ExperimentRunner(spec, false,
                new PrintStream(new ByteArrayOutputStream(), true), ReportWriter.GRID).run();

        assertEquals(1, records.size());
        RunRecord toy = records.get(0);
        assertEquals(RunRecord.DONE, toy.status(), toy.failure());
        assertEquals("toy-f1-s5", toy.runId());
        // the target t ranks t + 1: Recall@20 is the share of targets among items 0..19, MRR their mean 1/(t+1)
        int[] ranks = RankFile.read(spec.experimentDir().resolve("runs/toy-f1-s5/ranks.bin")).standard();
        double hits = 0;
        double reciprocal = 0;
        for (int rank : ranks) {
            hits += rank <= 20 ? 1 : 0;
            reciprocal += rank <= 20 ? 1.0 / rank : 0;
        }
        assertTrue(hits > 0 && hits < ranks.length, "some targets are among items 0..19, not all");
        assertEquals(hits / ranks.length, toy.recall(), 1e-12);
        assertEquals(reciprocal / ranks.length, toy.mrr(), 1e-12);
        assertTrue(Files.exists(spec.experimentDir().resolve("summary.csv")));
    }

    @Test
    void aKeyTheToyKindDoesNotReadIsRejected(@TempDir Path dir) throws Exception {
        Path specFile = dir.resolve("toy.yaml");
        Files.writeString(specFile, SPEC + "    learning_rate: 0.1\n");
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(specFile, List.of(), dir));
        assertTrue(e.getMessage().contains("does not apply to model toy"), e.getMessage());
    }
}
