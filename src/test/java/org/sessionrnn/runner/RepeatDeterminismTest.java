package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.RunRecord;

/**
 * The repeat term's training path (recent-click columns appended to the sampled candidates, scatter of the
 * repeat scores, its hand-written gradients) is as deterministic as the rest: the same spec and seed run twice
 * on one machine give the same losses, metrics and per-prefix ranks, bit for bit.
 */
class RepeatDeterminismTest {
    private static final String RUN = "m1norm-gru16-f1-s3";
    private static final String SPEC = TinyExperiment.spec(8_000, "[1]", """
          - model: m1norm
            gru_sizes: [16]
            batch_size: 32
            max_epochs: 2
            sampled_negatives: 16
            repeat_window: 3
            refit: true
        """);

    @TempDir
    Path first;
    @TempDir
    Path second;

    @Test
    void twoRunsOfTheSameSpecAreBitIdentical() throws Exception {
        TinyExperiment a = new TinyExperiment(first, SPEC);
        TinyExperiment b = new TinyExperiment(second, SPEC);
        TinyExperiment.Result ra = a.runInProcess();
        assertEquals(0, ra.code(), ra.err());
        TinyExperiment.Result rb = b.runInProcess();
        assertEquals(0, rb.code(), rb.err());

        RunRecord x = a.record(RUN);
        RunRecord y = b.record(RUN);
        assertEquals(RunRecord.DONE, x.status());
        assertEquals(x.history().stream().map(e -> e.loss()).toList(),
                y.history().stream().map(e -> e.loss()).toList());
        assertEquals(x.recall(), y.recall(), 0);
        assertEquals(x.mrr(), y.mrr(), 0);
        assertArrayEquals(Files.readAllBytes(a.runDir(RUN).resolve("ranks.bin")),
                Files.readAllBytes(b.runDir(RUN).resolve("ranks.bin")));
    }
}
