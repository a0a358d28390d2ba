package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.RunRecord;

/**
 * m1plus runs through the same runner as M1-M4: its record, figure and tables are written, it offers nothing to
 * M2/M4's pre-trained cache (it is not an M1), and Ctrl-C then a rerun ends exactly like an uninterrupted run
 * (output dropout and Adagrad's state included).
 */
@Tag("slow")
class M1plusRunTest {
    private static final String RUN = "m1plus-gru16-f1-s3";
    private static final String SPEC = TinyExperiment.spec(10_000, "[1]", """
          - model: m1plus
            gru_sizes: [16]
            batch_size: 16
            learning_rate: 0.05
            max_epochs: 3
            patience: 3
            output_dropout: 0.4
            optimizer: adagrad
            momentum: 0.2
            warmup_steps: 20
            learning_rate_decay: 0.9
            clip_norm: 5
        """);
    private static final Duration TIMEOUT = Duration.ofSeconds(600);

    @TempDir
    Path reference;
    @TempDir
    Path interrupted;

    @Test
    void ctrlCThenRerunEqualsAnUninterruptedRun() throws Exception {
        TinyExperiment ref = new TinyExperiment(reference, SPEC);
        assertEquals(0, ref.runInProcess().code());
        RunRecord expected = ref.record(RUN);
        assertEquals(RunRecord.DONE, expected.status());
        assertTrue(expected.recall() > 0.1, "learns something: " + expected.recall());
        for (String file : java.util.List.of("figure4.png", "table1.md", "table2.md", "summary.csv")) {
            assertTrue(Files.exists(ref.dir().resolve(file)), file);
        }
        assertFalse(Files.exists(ref.dir().resolve("pretrained")), "m1plus is no pre-trained M1");

        TinyExperiment exp = new TinyExperiment(interrupted, SPEC);
        RunRecord actual = exp.ctrlCThenRerun(RUN, exp.runDir(RUN).resolve("checkpoints"), TIMEOUT);
        assertEquals(expected.recall(), actual.recall(), 0);
        assertEquals(expected.mrr(), actual.mrr(), 0);
        assertEquals(expected.params(), actual.params());
    }
}
