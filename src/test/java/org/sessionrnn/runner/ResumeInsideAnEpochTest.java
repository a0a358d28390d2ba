package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.TrainingState;

/**
 * A runner stopped by Ctrl-C inside an epoch, rerun with a checkpoint after every batch and SIGKILLed inside an
 * epoch, then rerun again, ends with the same metrics, losses and best epoch as a runner never interrupted:
 * nothing of a partial epoch is lost and nothing is trained twice differently.
 */
@Tag("slow")
class ResumeInsideAnEpochTest {
    private static final String RUN = "m1-gru16-f1_4-s3";
    /** One M1 run in small batches, so that an epoch has hundreds of batch boundaries to stop at. */
    private static final String SPEC = TinyExperiment.spec(20_000, "[1/4]", """
          - model: m1
            gru_sizes: [16]
            batch_size: 16
            max_epochs: 3
            patience: 3
        """);
    private static final Duration TIMEOUT = Duration.ofSeconds(600);

    @TempDir
    Path reference;
    @TempDir
    Path interrupted;

    @Test
    void ctrlCAndKillInsideEpochsThenRerunEqualsAnUninterruptedRun() throws Exception {
        TinyExperiment ref = new TinyExperiment(reference, SPEC);
        assertEquals(0, ref.runInProcess().code());
        TinyExperiment exp = new TinyExperiment(interrupted, SPEC);
        Path checkpoints = exp.runDir(RUN).resolve("checkpoints");

        // Ctrl-C once an epoch is done: with periodic checkpoints effectively off, only the interrupt saves.
        Path firstLog = interrupted.resolve("first.log");
        Process first = exp.start(firstLog, "-D" + CheckpointedTraining.INTERVAL_PROPERTY + "=1000");
        await(checkpoints, first, s -> s.epochsDone() >= 1, Instant.EPOCH);
        TinyExperiment.ctrlC(first);
        assertEquals(130, first.waitFor(), Files.readString(firstLog));
        TrainingState stopped = EpochCheckpoint.load(checkpoints).orElseThrow();
        assertNotNull(stopped.inEpoch(), "Ctrl-C saved the position inside the epoch: " + stopped);
        assertEquals(RunRecord.RUNNING, exp.record(RUN).status());

        // A checkpoint after every batch, SIGKILL once this attempt has saved one of its own inside an epoch.
        Path secondLog = interrupted.resolve("second.log");
        Instant secondStart = Instant.now();
        Process second = exp.start(secondLog, "-D" + CheckpointedTraining.INTERVAL_PROPERTY + "=0");
        await(checkpoints, second, s -> s.inEpoch() != null && !s.checkpoint().equals(stopped.checkpoint()),
                secondStart);
        second.destroyForcibly().waitFor();
        assertTrue(Files.readString(secondLog).contains("resuming in epoch " + stopped.inEpoch().epoch()
                + " after batch " + stopped.inEpoch().batchesDone()), Files.readString(secondLog));
        assertEquals(RunRecord.RUNNING, exp.record(RUN).status(), "killed while training");

        TinyExperiment.Result rerun = exp.runInProcess();
        assertEquals(0, rerun.code(), rerun.err());
        assertTrue(rerun.out().contains("resuming in epoch"), rerun.out());
        assertNotEquals(stopped.checkpoint(), EpochCheckpoint.load(checkpoints).map(TrainingState::checkpoint)
                .orElse(""), "the rerun went on training");
        RunRecord expected = ref.record(RUN);
        RunRecord actual = exp.record(RUN);
        assertEquals(RunRecord.DONE, actual.status());
        assertEquals(expected.recall(), actual.recall(), 0.0);
        assertEquals(expected.mrr(), actual.mrr(), 0.0);
        assertEquals(expected.recallConservative(), actual.recallConservative(), 0.0);
        assertEquals(expected.mrrConservative(), actual.mrrConservative(), 0.0);
        assertEquals(losses(expected.history()), losses(actual.history()));
    }

    @Test
    void aMistypedIntervalIsOneClearMessage() throws IOException {
        String old = System.getProperty(CheckpointedTraining.INTERVAL_PROPERTY);
        try {
            System.setProperty(CheckpointedTraining.INTERVAL_PROPERTY, "ten");
            TinyExperiment exp = new TinyExperiment(reference, SPEC);
            TinyExperiment.Result run = exp.runInProcess();
            assertEquals(2, run.code(), run.err());
            assertEquals("error: -Dsessionrnn.checkpointMinutes=ten: expected the minutes between in-epoch"
                    + " checkpoints, a number from 0 to 1000000", run.err().strip());
            assertFalse(Files.exists(exp.dir()), "nothing written");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    CheckpointedTraining::checkpointInterval);
            assertTrue(e.getMessage().contains("sessionrnn.checkpointMinutes=ten"), e.getMessage());
            System.setProperty(CheckpointedTraining.INTERVAL_PROPERTY, "-1");
            assertThrows(IllegalArgumentException.class, CheckpointedTraining::checkpointInterval);
            System.setProperty(CheckpointedTraining.INTERVAL_PROPERTY, "0.5");
            assertEquals(Duration.ofSeconds(30), CheckpointedTraining.checkpointInterval());
            System.clearProperty(CheckpointedTraining.INTERVAL_PROPERTY);
            assertEquals(EpochCheckpoint.DEFAULT_INTERVAL, CheckpointedTraining.checkpointInterval());
        } finally {
            if (old == null) {
                System.clearProperty(CheckpointedTraining.INTERVAL_PROPERTY);
            } else {
                System.setProperty(CheckpointedTraining.INTERVAL_PROPERTY, old);
            }
        }
    }

    /** Waits until the state in {@code checkpoints}, written after {@code since}, satisfies {@code condition}. */
    private static void await(Path checkpoints, Process runner, Predicate<TrainingState> condition, Instant since)
            throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!TinyExperiment.stateOf(checkpoints).filter(s -> TinyExperiment.savedAfter(checkpoints, since) && condition.test(s)).isPresent()) {
            if (!runner.isAlive() || System.nanoTime() > deadline) {
                runner.destroyForcibly();
                throw new AssertionError("the runner never saved the awaited checkpoint (runner exit "
                        + (runner.isAlive() ? "none" : runner.exitValue()) + ")");
            }
            Thread.sleep(2);
        }
    }

    private static List<String> losses(List<EpochRecord> history) {
        return history.stream().map(e -> e.epoch() + ":" + e.loss() + ":" + e.validationRecall()).toList();
    }
}
