package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.report.SummaryTable;
import tech.tablesaw.api.Table;

/** A run whose loss diverges fails with its epoch and reason; the grid goes on and the CLI exits 1. */
@Tag("slow")
class FailingRunTest {
    /** An absurd learning rate: one Adam step moves every weight by about 1e38, so logits overflow to infinity. */
    private static final String SPEC = TinyExperiment.SPEC
            .replace("fractions: [1/4, 1]", "fractions: [1]")
            .replace("max_epochs: 4", "max_epochs: 2")
            + """
              - model: m1
                label: exploding
                gru_sizes: [16]
                learning_rate: 1.0e38
                max_epochs: 2
            """;

    @TempDir
    Path root;

    @Test
    void divergedRunIsFailedWithItsEpochWhileTheOtherFinishes() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, SPEC);
        TinyExperiment.Result result = exp.runInProcess();
        assertEquals(1, result.code(), result.err());
        assertTrue(result.err().contains("1 of 2 runs failed"), result.err());

        RunRecord failed = exp.record("exploding-gru16-f1-s3");
        assertEquals(RunRecord.FAILED, failed.status());
        assertTrue(failed.failure().startsWith("TrainingDivergedException: training loss became"), failed.failure());
        assertTrue(failed.failure().contains("in epoch 1"), failed.failure());
        assertEquals("1", failed.provenance().get("failed_epoch"));
        assertEquals(RunRecord.DONE, exp.record("m1-gru16-f1-s3").status());

        Table summary = SummaryTable.read(exp.dir().resolve(SummaryTable.FILE_NAME));
        Table failedRows = summary.where(summary.stringColumn("status").isEqualTo(RunRecord.FAILED.text()));
        assertEquals(1, failedRows.rowCount());
        assertTrue(failedRows.stringColumn("failure").get(0).contains("in epoch 1"));
    }
}
