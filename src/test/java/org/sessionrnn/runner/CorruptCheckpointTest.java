package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.report.SummaryTable;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.train.EpochCheckpoint;

/**
 * A run left running whose {@code checkpoints/state.json} is damaged is not resumed, nor recorded as failed: the
 * rerun stops with exit code 2, names the file and how to start the run over, and writes nothing.
 */
class CorruptCheckpointTest {
    private static final String RUN = "m1-gru8-f1-s3";
    private static final String SPEC = TinyExperiment.spec(4_000, "[1]", """
              - model: m1
                gru_sizes: [8]
                max_epochs: 2
                patience: 2
            """);

    @TempDir
    Path root;

    @Test
    void aCorruptStateIsBadInputNamingTheFileAndTheWayOut() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, SPEC);
        assertEquals(0, exp.runInProcess().code());
        Path record = exp.markRunning(RUN);
        assertEquals(RunRecord.RUNNING, exp.record(RUN).status(), "the run looks interrupted");
        Path checkpoints = exp.runDir(RUN).resolve("checkpoints");
        Files.createDirectories(checkpoints);
        Path state = checkpoints.resolve(EpochCheckpoint.STATE_FILE);
        Path summary = exp.dir().resolve(SummaryTable.FILE_NAME);
        String summaryBefore = Files.readString(summary);
        String recordBefore = Files.readString(record);

        for (String damage : List.of("{\"epochsDone\": 1, \"ste", "null", "[1, 2]",
                "{\"epochsDone\": 1, \"steps\": 9, \"bestRecall\": 0.1, \"bestEpoch\": 1, \"sinceBest\": 0, "
                        + "\"checkpoint\": \"epoch-7\", \"trainSeconds\": 1, \"history\": "
                        + "[{\"epoch\": 1, \"loss\": 5, \"validationRecall\": 0.1}]}")) {
            Files.writeString(state, damage);
            TinyExperiment.Result rerun = exp.runInProcess();
            assertEquals(2, rerun.code(), damage + ": " + rerun.err());
            List<String> lines = rerun.err().lines().toList();
            assertEquals(1, lines.size(), rerun.err());
            assertTrue(lines.get(0).startsWith("error: corrupt checkpoint state " + state + ": "), rerun.err());
            assertTrue(lines.get(0).endsWith("; delete the folder " + checkpoints
                    + " to train from the start instead of resuming"), rerun.err());
            assertFalse(rerun.out().contains("resuming"), rerun.out());
            assertEquals(recordBefore, Files.readString(record), "the run is not recorded as failed");
            assertEquals(summaryBefore, Files.readString(summary), "nothing written");
            try (var workers = Files.list(exp.dir().resolve(Workers.FOLDER))) {
                assertEquals(0, workers.count(), "no worker registered");
            }
        }
    }
}
