package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.cli.Main;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.spec.ModelCatalogue;

/**
 * A kind defined by one constant and its own classes ({@link ToyKind}, {@link ToyRun}) is read from a spec,
 * validated, written back, run and reported like the project's kinds, with no other file knowing its name. It is
 * registered the way an extension would be, by a {@code META-INF/services} entry on the class path of a runner
 * started for the test, so that no other test, and no message they check, sees it.
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
        Path out = dir.resolve("out");
        ExtensionRunner.Run run = runWithToy(dir, SPEC, out);
        assertEquals(0, run.code(), run.log());

        Path experiment = out.resolve("toy");
        assertTrue(Files.readString(experiment.resolve("spec.yaml")).contains("model: toy"));
        RunRecord toy = RunRecordIo.read(experiment.resolve("runs/toy-f1-s5").resolve(RunRecordIo.FILE_NAME));
        assertEquals(RunRecord.DONE, toy.status(), toy.failure());
        // the target t ranks t + 1: Recall@20 is the share of targets among items 0..19, MRR their mean 1/(t+1)
        int[] ranks = RankFile.read(experiment.resolve("runs/toy-f1-s5/ranks.bin")).standard();
        double hits = 0;
        double reciprocal = 0;
        for (int rank : ranks) {
            hits += rank <= 20 ? 1 : 0;
            reciprocal += rank <= 20 ? 1.0 / rank : 0;
        }
        assertTrue(hits > 0 && hits < ranks.length, "some targets are among items 0..19, not all");
        assertEquals(hits / ranks.length, toy.recall(), 1e-12);
        assertEquals(reciprocal / ranks.length, toy.mrr(), 1e-12);
        assertTrue(Files.exists(experiment.resolve("summary.csv")));
    }

    @Test
    void aKeyTheToyKindDoesNotReadIsRejected(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        ExtensionRunner.Run run = runWithToy(dir, SPEC + "    learning_rate: 0.1\n", out);
        assertEquals(Main.INPUT_ERROR, run.code(), run.log());
        assertTrue(run.log().contains("does not apply to model toy"), run.log());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** Without its registration the kind does not exist: this JVM knows only the project's kinds. */
    @Test
    void theToyKindIsUnknownWhereItIsNotRegistered() {
        assertTrue(ModelCatalogue.find("m1").isPresent());
        assertFalse(ModelCatalogue.find("toy").isPresent(), "the toy is registered only for the runner it starts");
    }

    /** Runs {@code spec} in a new JVM whose class path adds the toy's service registration. */
    private static ExtensionRunner.Run runWithToy(Path dir, String spec, Path out) throws Exception {
        Path specFile = dir.resolve("toy.yaml");
        Files.writeString(specFile, spec);
        return ExtensionRunner.run(dir, ToyKind.Catalogue.class, specFile.toString(), "--output", out.toString());
    }
}
