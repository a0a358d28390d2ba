package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.train.EpochCheckpoint;

/**
 * A worker that starts while others train (a restarted shard) reads no checkpoints of a run a live worker holds:
 * that holder saves a checkpoint and deletes the one before at any moment, so what a reader finds there (a state
 * naming a checkpoint just superseded, a file listed and gone) is a moment of someone else's training, not a
 * corrupt folder, and must not stop the newcomer with exit 2. Once nobody holds the run, the same state is named
 * as corrupt by a worker that would resume it.
 */
class LiveRunsAtStartTest {
    private static final String SPEC = TinyExperiment.spec(4_000, "[1/4, 1]", """
              - model: m1
                gru_sizes: [8]
                max_epochs: 1
                patience: 1
            """);
    /** Shard 1 of 2's run (ids sort "-" before "_"). */
    private static final String HELD = "m1-gru8-f1_4-s3";

    @TempDir
    Path root;

    @Test
    void aStartingWorkerLeavesTheCheckpointsOfALiveHolderAlone() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, SPEC);
        assertEquals(0, exp.runInProcess().code());
        Path record = exp.markRunning(HELD);
        Path checkpoints = exp.runDir(HELD).resolve("checkpoints");
        try (var superseded = Files.newDirectoryStream(checkpoints, "epoch-1.*")) {
            for (Path f : superseded) {
                Files.delete(f);
            }
        }
        // what a reader sees when the holder saved epoch 2 and deleted epoch 1 between its two reads
        Files.writeString(checkpoints.resolve(EpochCheckpoint.STATE_FILE), "{\"epochsDone\": 1, \"steps\": 9, "
                + "\"bestRecall\": 0.1, \"bestEpoch\": 1, \"sinceBest\": 0, \"checkpoint\": \"epoch-1\", "
                + "\"trainSeconds\": 1, \"history\": [{\"epoch\": 1, \"loss\": 5, \"validationRecall\": 0.1}]}");
        String recordBefore = Files.readString(record);

        try (Heartbeat heartbeat = new Heartbeat(Duration.ofSeconds(1));
             ClaimBoard holder = new ClaimBoard(exp.dir(), WorkerId.create(), new Shard(1, 2),
                     WorkerOptions.DEFAULT_STALE_AFTER, heartbeat)) {
            assertTrue(holder.tryClaim(HELD).acquired());
            for (List<String> flags : List.of(List.of("--shard", "0/2"), List.of("--shard", "0/2", "--steal"))) {
                TinyExperiment.Result start = exp.runInProcess(flags.toArray(String[]::new));
                assertEquals(0, start.code(), flags + ": " + start.err());
            }
            assertEquals(recordBefore, Files.readString(record), "the holder's run is left to it");
            holder.release(HELD);
        }
        TinyExperiment.Result resume = exp.runInProcess("--shard", "1/2");
        assertEquals(2, resume.code(), resume.out());
        assertTrue(resume.err().startsWith("error: corrupt checkpoint state "), resume.err());
        assertEquals(RunRecord.RUNNING, exp.record(HELD).status());
    }
}
