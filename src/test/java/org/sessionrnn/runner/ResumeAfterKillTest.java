package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.report.SummaryTable;
import org.sessionrnn.train.TrainingState;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A runner interrupted twice, by Ctrl-C once the first run has a checkpoint and by SIGKILL once the second run
 * has one, then rerun, ends with the same results, metric for metric and loss for loss, as a runner never
 * interrupted. The kill points are deterministic (a saved epoch), the moment within the run is not.
 */
@Tag("slow")
class ResumeAfterKillTest {
    private static final String FIRST = "m1-gru16-f1_4-s3";
    private static final String SECOND = "m1-gru16-f1-s3";
    private static final Duration TIMEOUT = Duration.ofSeconds(600);

    @TempDir
    Path reference;
    @TempDir
    Path interrupted;

    @Test
    void ctrlCThenKillThenRerunEqualsAnUninterruptedRun() throws Exception {
        TinyExperiment ref = new TinyExperiment(reference, TinyExperiment.SPEC);
        assertEquals(0, ref.runInProcess().code());

        TinyExperiment exp = new TinyExperiment(interrupted, TinyExperiment.SPEC);
        Process first = exp.start(interrupted.resolve("first.log"));
        awaitEpoch(exp, FIRST, first, Instant.EPOCH);
        TinyExperiment.ctrlC(first);
        assertEquals(130, first.waitFor(), log(interrupted.resolve("first.log")));
        // The signal lands in training (run left running, resumable) or, on a slow machine, just after it (the
        // grid stops before the next run): either way the grid is unfinished, the worker unregistered and its
        // claims released.
        assertTrue(List.of(RunRecord.RUNNING, RunRecord.DONE).contains(exp.record(FIRST).status()));
        assertFalse(isDone(exp, SECOND), "Ctrl-C stopped the grid");
        assertTrue(isEmpty(exp.dir().resolve(Workers.FOLDER)), "unregistered");
        assertTrue(isEmpty(exp.dir().resolve(ClaimBoard.FOLDER)), "claims released");

        Instant secondStart = Instant.now();
        Process second = exp.start(interrupted.resolve("second.log"));
        awaitEpoch(exp, SECOND, second, secondStart);
        second.destroyForcibly().waitFor();
        assertEquals(RunRecord.DONE, exp.record(FIRST).status(), log(interrupted.resolve("second.log")));
        assertEquals(RunRecord.RUNNING, exp.record(SECOND).status(), "killed in the middle of the second run");

        TinyExperiment.Result rerun = exp.runInProcess();
        assertEquals(0, rerun.code(), rerun.err());
        assertTrue(rerun.out().contains("Removing the registration of a stopped worker"), rerun.out());
        assertTrue(rerun.out().contains("taking over from " + WorkerId.localHost() + ":" + second.pid()),
                "the killed runner's claim is taken over: " + rerun.out());
        assertTrue(rerun.out().contains("already done with the same configuration"), rerun.out());
        assertTrue(rerun.out().contains("resuming after epoch"), rerun.out());
        assertSameResults(ref, exp);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Waits until {@code runId} has completed at least one epoch, saved (by {@code runner}) after {@code since}. */
    private static void awaitEpoch(TinyExperiment exp, String runId, Process runner, Instant since) throws Exception {
        Path checkpoints = exp.runDir(runId).resolve("checkpoints");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Predicate<TrainingState> started = s -> s.epochsDone() >= 1 && TinyExperiment.savedAfter(checkpoints, since);
        while (!TinyExperiment.stateOf(checkpoints).filter(started).isPresent()) {
            if (!runner.isAlive() || System.nanoTime() > deadline) {
                runner.destroyForcibly();
                throw new AssertionError("run " + runId + " never finished an epoch (runner exit "
                        + (runner.isAlive() ? "none" : runner.exitValue()) + ")");
            }
            Thread.sleep(5);
        }
    }

    private static boolean isDone(TinyExperiment exp, String runId) throws IOException {
        return Files.exists(exp.runDir(runId).resolve("run.json"))
                && RunRecord.DONE.equals(exp.record(runId).status());
    }

    private static void assertSameResults(TinyExperiment expected, TinyExperiment actual) throws IOException {
        Table a = SummaryTable.read(expected.dir().resolve(SummaryTable.FILE_NAME));
        Table b = SummaryTable.read(actual.dir().resolve(SummaryTable.FILE_NAME));
        assertEquals(a.rowCount(), b.rowCount());
        for (int i = 0; i < a.rowCount(); i++) {
            Row x = a.row(i);
            Row y = b.row(i);
            String id = x.getString("run_id");
            assertEquals(id, y.getString("run_id"));
            assertEquals("done", y.getString("status"), id);
            for (String metric : List.of("recall", "mrr", "recall_conservative", "mrr_conservative")) {
                assertEquals(x.getDouble(metric), y.getDouble(metric), 0.0, id + " " + metric);
            }
            assertEquals(x.getInt("epochs"), y.getInt("epochs"), id + " epochs");
            assertEquals(x.getInt("best_epoch"), y.getInt("best_epoch"), id + " best_epoch");
            assertEquals(losses(expected.record(id).history()), losses(actual.record(id).history()), id + " losses");
        }
    }

    private static List<String> losses(List<EpochRecord> history) {
        return history.stream().map(e -> e.epoch() + ":" + e.loss() + ":" + e.validationRecall()).toList();
    }

    private static String log(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "(no log)";
    }
}
