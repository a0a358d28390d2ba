package org.sessionrnn.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.TrainingState;

/**
 * A tune killed (SIGKILL, in a separate JVM) while a promoted trial is in the middle of its second-rung epoch,
 * then rerun, ends with exactly the trials.csv and test metrics of a tune never interrupted: finished rungs are
 * reused and the interrupted trial resumes inside its epoch from its checkpoint.
 */
@Tag("slow")
class TuneResumeAfterKillTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(300);

    @TempDir
    Path reference;
    @TempDir
    Path interrupted;

    @Test
    void killedTuneResumesToTheSameTrials() throws Exception {
        PlantedTune ref = new PlantedTune(reference);
        PlantedTune.Result plain = PlantedTune.run(ref.args());
        assertEquals(0, plain.code(), plain.out() + plain.err());

        PlantedTune tune = new PlantedTune(interrupted);
        Path log = interrupted.resolve("killed.log");
        Process runner = tune.start(log, "-Dsessionrnn.checkpointMinutes=0");
        awaitSecondRungMidEpoch(tune, runner, log);
        runner.destroyForcibly().waitFor();

        PlantedTune.Result rerun = PlantedTune.run(tune.args());
        assertEquals(0, rerun.code(), rerun.out() + rerun.err());
        assertTrue(rerun.out().contains("Removing the registration of a stopped worker"), rerun.out());
        assertTrue(rerun.out().contains("already evaluated at this rung with the same configuration: reused"),
                rerun.out());
        assertTrue(rerun.out().contains("resuming in epoch 2"), rerun.out());
        for (String file : List.of(Tuner.TRIALS_CSV, Tuner.TEST_CSV, Tuner.BEST_YAML)) {
            assertEquals(Files.readString(ref.dir().resolve(file)).replace(reference.toString(), "ROOT"),
                    Files.readString(tune.dir().resolve(file)).replace(interrupted.toString(), "ROOT"), file);
        }
    }

    /** Waits until some trial has saved a checkpoint inside epoch 2, which only the second rung trains. */
    private static void awaitSecondRungMidEpoch(PlantedTune tune, Process runner, Path log) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!midSecondEpoch(tune.dir().resolve("runs"))) {
            if (!runner.isAlive() || System.nanoTime() > deadline) {
                runner.destroyForcibly();
                throw new AssertionError("no trial was caught inside epoch 2 (runner "
                        + (runner.isAlive() ? "timed out" : "exited " + runner.exitValue()) + ")\n"
                        + (Files.exists(log) ? Files.readString(log) : ""));
            }
            Thread.sleep(5);
        }
    }

    private static boolean midSecondEpoch(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (Stream<Path> trials = Files.list(runs)) {
            return trials.map(t -> state(t.resolve("checkpoints")))
                    .anyMatch(s -> s.filter(x -> x.inEpoch() != null && x.inEpoch().epoch() == 2
                            && x.inEpoch().batchesDone() > 0).isPresent());
        }
    }

    private static Optional<TrainingState> state(Path checkpoints) {
        try {
            return EpochCheckpoint.load(checkpoints);
        } catch (RuntimeException e) {
            return Optional.empty(); // being written (atomically) or not there yet: poll again
        }
    }
}
