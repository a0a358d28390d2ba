package org.sessionrnn.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.train.EarlyStopping;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.EpochStats;
import org.sessionrnn.train.TrainingListener;
import org.sessionrnn.train.TrainingState;

/**
 * Trains any {@link SessionModel} of a run with early stopping and a checkpoint after every epoch, and resumes
 * from that checkpoint when an earlier attempt of the run was interrupted. Every neural executor uses it, so all
 * models resume the same way and a resumed run ends bit-identical to an uninterrupted one.
 *
 * <p>Whether to resume is the runner's decision, expressed on disk: it deletes the checkpoints folder of a run
 * that must start afresh, so a state file found here always belongs to an interrupted attempt of this very
 * configuration.
 */
public final class CheckpointedTraining {
    /**
     * What training produced, over all attempts of the run.
     *
     * @param history           every epoch's stats, those trained before a resume included
     * @param bestEpoch         the epoch whose weights the model holds after training (0 if none improved)
     * @param trainSeconds      training wall time over all attempts
     * @param resumedAfterEpoch the epoch this attempt resumed after, 0 for a fresh start
     */
    public record Result(List<EpochStats> history, int bestEpoch, double trainSeconds, int resumedAfterEpoch) {
        /** {@code resumed_after_epoch} for run.json when the run was resumed, nothing otherwise. */
        public Map<String, String> facts() {
            return resumedAfterEpoch == 0 ? Map.of() : Map.of("resumed_after_epoch", Integer.toString(resumedAfterEpoch));
        }
    }

    private CheckpointedTraining() {
    }

    /**
     * Trains {@code model} (its training graph built, freshly initialised) on {@code split} with the run's
     * settings, leaving the best epoch's weights in it.
     *
     * @param extra listeners called before early stopping and the checkpoint, e.g. a model-specific logger
     */
    public static Result fit(RunContext c, SessionModel model, TrainValidation split, TrainingListener... extra)
            throws IOException {
        Path dir = c.checkpoints();
        Files.createDirectories(dir);
        EarlyStopping stopping = new EarlyStopping(c.run().variant().patience(), dir.resolve("best"));
        Optional<TrainingState> state = EpochCheckpoint.load(dir);
        state.ifPresent(s -> {
            EpochCheckpoint.restore(s, dir, model, stopping);
            c.out().printf("  resuming after epoch %d (checkpoint %s)%n", s.epochsDone(), dir.resolve(s.checkpoint()));
        });
        EpochCheckpoint checkpoint = new EpochCheckpoint(dir, stopping, state.orElse(null));
        List<TrainingListener> listeners = new ArrayList<>(List.of(extra));
        listeners.add(stopping);
        listeners.add(checkpoint);
        int firstEpoch = state.map(s -> s.epochsDone() + 1).orElse(1);
        SoftmaxRun.trainer(c, listeners.toArray(TrainingListener[]::new))
                .fit(model, split.train(), split.validation(), c.data().items(), firstEpoch);
        return new Result(checkpoint.history(), stopping.bestEpoch(), checkpoint.trainSeconds(),
                firstEpoch - 1);
    }
}
