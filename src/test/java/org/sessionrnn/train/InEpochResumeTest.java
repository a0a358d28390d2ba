package org.sessionrnn.train;

import org.sessionrnn.eval.ValidationRanking;
import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sessionrnn.results.ResultsFileException;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxBlock;

/**
 * Training stopped inside an epoch (Ctrl-C, or a crash after a periodic in-epoch checkpoint) and resumed from
 * the saved checkpoint ends exactly like uninterrupted training: same per-epoch losses and validation metrics,
 * same best epoch, same weights (optimiser slots included), same test ranks.
 */
@Tag("slow")
@Tag("floats")
class InEpochResumeTest {
    private static final int ITEMS = 40;
    private static final int BATCH = 16;
    /** Click deletion on, so that the test fails if the deletion draws depend on where the epoch started. */
    private static final TrainingConfig CONFIG = new TrainingConfig(BATCH, 0.01f, 3, 3, 0.25, 19, 20, 5);
    private static final SequenceSet ALL = PlantedSessions.prefixes(PlantedSessions.table(120, ITEMS, 4));
    private static final SequenceSet TRAIN = ALL.range(0, ALL.size() * 9 / 10);
    private static final SequenceSet VALIDATION = ALL.range(ALL.size() * 9 / 10, ALL.size());
    private static final Duration NEVER = Duration.ofDays(1);

    @TempDir
    Path reference;
    @TempDir
    Path interrupted;

    @AfterEach
    void clearStop() {
        StopRequest.clear();
    }

    @Test
    void ctrlCInsideAnEpochResumesExactlyWhereItStopped() throws IOException {
        Outcome expected = train(reference, NEVER, null);
        assertTrue(TRAIN.size() > 10 * BATCH, "several batches per epoch");

        TrainingListener ctrlC = after(2, 5, StopRequest::request);
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> train(interrupted, NEVER, ctrlC));
        assertEquals(2, e.epoch());
        StopRequest.clear();

        TrainingState state = EpochCheckpoint.load(interrupted).orElseThrow();
        assertEquals(1, state.epochsDone());
        assertEquals(new EpochProgress(2, 5, 5L * BATCH, state.inEpoch().lossSum(), state.inEpoch().seconds()),
                state.inEpoch());
        assertTrue(state.inEpoch().lossSum() > 0);
        assertEquals("epoch-2-batch-5", state.checkpoint());
        assertEquals(List.of("best", "epoch-2-batch-5"), checkpointPrefixes(interrupted),
                "the epoch-1 checkpoint is deleted once the in-epoch one is in place");

        Outcome resumed = train(interrupted, NEVER, null);
        assertSame(expected, resumed);
    }

    @Test
    void periodicCheckpointSurvivesACrashInTheFirstEpoch() throws IOException {
        Outcome expected = train(reference, NEVER, null);

        // Registered after the checkpoint: the crash comes after batch 7 was saved, like a SIGKILL would.
        TrainingListener crash = after(1, 7, () -> {
            throw new IllegalStateException("killed");
        });
        assertThrows(IllegalStateException.class, () -> train(interrupted, Duration.ZERO, crash));

        TrainingState state = EpochCheckpoint.load(interrupted).orElseThrow();
        assertEquals(0, state.epochsDone());
        assertEquals(7, state.inEpoch().batchesDone());
        assertEquals(Double.NEGATIVE_INFINITY, state.bestRecall(), "no validation yet survives the JSON round trip");
        assertEquals(List.of("epoch-1-batch-7"), checkpointPrefixes(interrupted),
                "checkpoints saved after every batch, each superseding the one before");

        Outcome resumed = train(interrupted, Duration.ZERO, null);
        assertSame(expected, resumed);
    }

    @Test
    void stateWithoutInEpochFieldsIsAnEpochBoundary(@TempDir Path dir) throws IOException {
        // As written before in-epoch checkpoints existed.
        Files.writeString(dir.resolve(EpochCheckpoint.STATE_FILE), """
                {
                  "epochsDone" : 2,
                  "steps" : 84,
                  "bestRecall" : 0.5,
                  "bestEpoch" : 2,
                  "sinceBest" : 0,
                  "checkpoint" : "epoch-2",
                  "trainSeconds" : 3.25,
                  "history" : [ {
                    "epoch" : 1, "loss" : 3.5, "validationRecall" : 0.25, "validationMrr" : 0.125,
                    "seconds" : 1.5, "sequencesPerSecond" : 250.0
                  }, {
                    "epoch" : 2, "loss" : 2.5, "validationRecall" : 0.5, "validationMrr" : 0.25,
                    "seconds" : 1.75, "sequencesPerSecond" : 240.0
                  } ]
                }
                """);
        Files.createFile(dir.resolve("epoch-2.index")); // the state names these variables: they must be there
        TrainingState state = EpochCheckpoint.load(dir).orElseThrow();
        assertNull(state.inEpoch());
        assertEquals(EpochProgress.start(3), state.resumePoint());
        assertEquals(84, state.steps());
        assertEquals(2, state.history().size());
    }

    @Test
    void inEpochPositionOfAnotherEpochIsACorruptState(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(EpochCheckpoint.STATE_FILE), """
                {"epochsDone": 2, "steps": 84, "bestRecall": 0.5, "bestEpoch": 2, "sinceBest": 0,
                 "checkpoint": "epoch-3-batch-4", "trainSeconds": 3.25, "history": [],
                 "inEpoch": {"epoch": 5, "batchesDone": 4, "sequencesDone": 64, "lossSum": 10.0, "seconds": 1.0}}
                """);
        ResultsFileException e = assertThrows(ResultsFileException.class, () -> EpochCheckpoint.load(dir));
        assertTrue(e.getMessage().startsWith("corrupt checkpoint state"), e.getMessage());
        assertTrue(e.getMessage().contains("in-epoch position is in epoch 5 but 2 epochs are done"), e.getMessage());
    }

    /** What a training ends with; seconds are left out, they are wall-clock. */
    private record Outcome(List<String> history, int bestEpoch, byte[] weights, int[] ranks) {
    }

    private static void assertSame(Outcome expected, Outcome actual) {
        assertEquals(expected.history(), actual.history());
        assertEquals(expected.bestEpoch(), actual.bestEpoch());
        assertArrayEquals(expected.weights(), actual.weights(), "weights and optimiser slots");
        assertArrayEquals(expected.ranks(), actual.ranks());
    }

    /**
     * Trains (resuming from {@code dir}'s checkpoint if there is one) as CheckpointedTraining does, with
     * {@code disruptor} registered last.
     */
    private static Outcome train(Path dir, Duration interval, TrainingListener disruptor) throws IOException {
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 8, 16, 19, 5))) {
            EarlyStopping stopping = new EarlyStopping(CONFIG.patience(), dir.resolve("best"));
            Optional<TrainingState> state = EpochCheckpoint.load(dir);
            state.ifPresent(s -> EpochCheckpoint.restore(s, dir, model, stopping));
            EpochCheckpoint checkpoint = new EpochCheckpoint(dir, stopping, state.orElse(null), interval);
            List<TrainingListener> listeners = new ArrayList<>(List.of(stopping, checkpoint));
            if (disruptor != null) {
                listeners.add(disruptor);
            }
            new Trainer(CONFIG, listeners, new ValidationRanking(CONFIG)).fit(model, TRAIN, VALIDATION, ITEMS,
                    state.map(TrainingState::resumePoint).orElse(EpochProgress.start(1)));
            List<String> history = checkpoint.history().stream()
                    .map(s -> s.epoch() + ":" + s.loss() + ":" + s.validationRecall() + ":" + s.validationMrr())
                    .toList();
            int[] ranks = new Evaluator(20).evaluate(new ModelRanker(model, BATCH, 19, ITEMS), ALL).standardRanks();
            return new Outcome(history, stopping.bestEpoch(), savedVariables(model, dir.resolve("final")), ranks);
        }
    }

    private static byte[] savedVariables(SessionModel model, Path prefix) throws IOException {
        model.save(prefix);
        return Files.readAllBytes(prefix.resolveSibling(prefix.getFileName() + ".data-00000-of-00001"));
    }

    /** Calls {@code action} after batch {@code batch} of epoch {@code epoch}. */
    private static TrainingListener after(int epoch, int batch, Runnable action) {
        return new TrainingListener() {
            @Override
            public void onBatchEnd(SessionModel model, EpochProgress p) {
                if (p.epoch() == epoch && p.batchesDone() == batch) {
                    action.run();
                }
            }
        };
    }

    /** The distinct variable-file prefixes in a checkpoints folder. */
    private static List<String> checkpointPrefixes(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".index"))
                    .map(n -> n.substring(0, n.length() - ".index".length()))
                    .sorted()
                    .toList();
        }
    }
}
