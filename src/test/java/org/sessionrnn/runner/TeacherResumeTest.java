package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.train.EpochCheckpoint;

/**
 * An M3 run stopped by Ctrl-C while its teacher trains resumes the teacher where it stopped (it is not trained
 * again from scratch) and ends exactly like an uninterrupted run: same teacher, same student, same metrics.
 */
@Tag("slow")
class TeacherResumeTest {
    private static final String RUN = "m3-gru16-f1-s3";
    private static final String SPEC = TinyExperiment.spec(10_000, "[1]", """
          - model: m3
            gru_sizes: [16]
            batch_size: 16
            max_epochs: 2
            patience: 2
            lambda: 0.2
            temperature: 1
            soft_label_top_k: 0
        """);
    private static final Duration TIMEOUT = Duration.ofSeconds(600);

    @TempDir
    Path reference;
    @TempDir
    Path interrupted;

    @Test
    void ctrlCDuringTheTeacherThenRerunEqualsAnUninterruptedRun() throws Exception {
        TinyExperiment ref = new TinyExperiment(reference, SPEC);
        assertEquals(0, ref.runInProcess().code());

        TinyExperiment exp = new TinyExperiment(interrupted, SPEC);
        Path teacher = exp.runDir(RUN).resolve("checkpoints").resolve("teacher");
        exp.ctrlCAfterFirstEpoch(teacher, interrupted.resolve("first.log"), TIMEOUT);
        assertEquals(RunRecord.RUNNING, exp.record(RUN).status());
        assertFalse(Files.exists(exp.runDir(RUN).resolve("checkpoints").resolve(EpochCheckpoint.STATE_FILE)),
                "stopped before the student started");

        TinyExperiment.Result rerun = exp.runInProcess();
        assertEquals(0, rerun.code(), rerun.err());
        String teacherPart = rerun.out().substring(0, rerun.out().indexOf("] student"));
        assertTrue(teacherPart.contains("  resuming") && teacherPart.contains(teacher.toString()), rerun.out());

        RunRecord expected = ref.record(RUN);
        RunRecord actual = exp.record(RUN);
        assertEquals(RunRecord.DONE, actual.status());
        assertEquals(expected.provenance().get("teacher_best_epoch"), actual.provenance().get("teacher_best_epoch"));
        assertEquals(expected.provenance().get("teacher_validation_recall"),
                actual.provenance().get("teacher_validation_recall"));
        // the run's training time is the teacher's plus the student's epochs (no refit here)
        double teacherSeconds = Double.parseDouble(actual.provenance().get("teacher_seconds"));
        double studentEpochSeconds = actual.history().stream().mapToDouble(EpochRecord::seconds).sum();
        assertTrue(teacherSeconds > 0 && actual.trainSeconds() >= teacherSeconds + 0.9 * studentEpochSeconds,
                "train_seconds " + actual.trainSeconds() + ", teacher " + teacherSeconds + ", student epochs "
                        + studentEpochSeconds);
        assertEquals(expected.recall(), actual.recall(), 0);
        assertEquals(expected.mrr(), actual.mrr(), 0);
        assertEquals(expected.recallConservative(), actual.recallConservative(), 0);
        assertEquals(expected.mrrConservative(), actual.mrrConservative(), 0);
    }
}
