package org.sessionrnn.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.ValidationRanking;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.spec.GruTraining;
import org.sessionrnn.train.EarlyStopping;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.EpochProgress;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.spec.ProtocolSpec;
import org.sessionrnn.train.ProgressPrinter;
import org.sessionrnn.train.Trainer;
import org.sessionrnn.train.TrainingConfig;
import org.sessionrnn.train.TrainingListener;
import org.sessionrnn.train.TrainingState;

/**
 * Trains any {@link SessionModel} of a run with early stopping and checkpoints (after every epoch, inside an
 * epoch every few minutes as set by {@value #INTERVAL_PROPERTY}, and on Ctrl-C; see {@link EpochCheckpoint}),
 * and resumes from the last checkpoint, inside an epoch if need be, when an earlier attempt of the run was
 * interrupted. Every neural executor uses it, so all models resume the same way and a resumed run ends
 * bit-identical to an uninterrupted one.
 *
 * <p>Whether to resume is the runner's decision, expressed on disk: it deletes the checkpoints folder of a run
 * that must start afresh, so a state file found here always belongs to an interrupted attempt of this very
 * configuration.
 */
public final class CheckpointedTraining {
    /**
     * JVM property with the minutes of training between in-epoch checkpoints (default 10; decimals allowed;
     * 0 saves after every batch). A machine setting, not part of the spec: it changes no result.
     */
    public static final String INTERVAL_PROPERTY = "sessionrnn.checkpointMinutes";
    /** The folder, inside a run's checkpoints, of a refit's training (see {@link #refit}). */
    public static final String REFIT_FOLDER = "refit";
    /** The provenance fact of a refit run: the number of epochs the refit trained. */
    public static final String REFIT_EPOCHS = "refit_epochs";
    private static final String BEST = "best";

    /**
     * The checkpoint prefix holding the weights a finished run was evaluated with: the refit's when the run was
     * refit, otherwise the best epoch's.
     *
     * @param checkpoints the run's checkpoints folder
     */
    public static Path evaluatedWeights(Path checkpoints, RunProvenance provenance) {
        return provenance.containsKey(REFIT_EPOCHS) ? checkpoints.resolve(REFIT_FOLDER).resolve(BEST)
                : earlyStoppedWeights(checkpoints);
    }

    /**
     * The checkpoint prefix holding a finished run's early-stopped weights, chosen on its validation split (the
     * evaluated ones too unless the run was refit).
     *
     * @param checkpoints the run's checkpoints folder
     */
    public static Path earlyStoppedWeights(Path checkpoints) {
        return checkpoints.resolve(BEST);
    }

    /**
     * What training produced, over all attempts of the run.
     *
     * @param history      every epoch's stats, those trained before a resume included
     * @param bestEpoch    the epoch whose weights the model holds after training (0 if none improved)
     * @param trainSeconds training wall time over all attempts
     * @param resumedAt    where this attempt resumed, null for a fresh start
     */
    public record Result(List<EpochRecord> history, int bestEpoch, double trainSeconds, EpochProgress resumedAt) {
        /**
         * For run.json when the run was resumed: {@code resumed_after_epoch} and, for a resume inside an epoch,
         * {@code resumed_after_batch} (of epoch {@code resumed_after_epoch + 1}); nothing for a fresh start.
         */
        public Map<String, String> facts() {
            if (resumedAt == null) {
                return Map.of();
            }
            String epochs = Integer.toString(resumedAt.epoch() - 1);
            return resumedAt.atStart() ? Map.of("resumed_after_epoch", epochs)
                    : Map.of("resumed_after_epoch", epochs,
                            "resumed_after_batch", Integer.toString(resumedAt.batchesDone()));
        }
    }

    private CheckpointedTraining() {
    }

    /**
     * The in-epoch checkpoint interval set by {@value #INTERVAL_PROPERTY}, or the default.
     *
     * @throws IllegalArgumentException with a message for the user if the property is not a number of minutes
     */
    public static Duration checkpointInterval() {
        String value = System.getProperty(INTERVAL_PROPERTY);
        if (value == null || value.isBlank()) {
            return EpochCheckpoint.DEFAULT_INTERVAL;
        }
        double minutes;
        try {
            minutes = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            minutes = Double.NaN;
        }
        if (!(minutes >= 0 && minutes <= 1e6)) {
            throw new IllegalArgumentException("-D" + INTERVAL_PROPERTY + "=" + value
                    + ": expected the minutes between in-epoch checkpoints, a number from 0 to 1000000");
        }
        return Duration.ofNanos(Math.round(minutes * 60e9));
    }

    /**
     * Trains {@code model} (its training graph built, freshly initialised) on {@code split} with the run's
     * settings, leaving the best epoch's weights in it.
     *
     * @param extra listeners called before early stopping and the checkpoint, e.g. a model-specific logger
     */
    public static Result fit(RunContext c, SessionModel model, TrainValidation split, TrainingListener... extra)
            throws IOException {
        int maxEpochs = c.run().variant().training().maxEpochs();
        return fit(c, c.checkpoints(), c.epochBudget() > 0 ? Math.min(c.epochBudget(), maxEpochs) : maxEpochs,
                model, split, extra);
    }

    /**
     * As {@link #fit(RunContext, SessionModel, TrainValidation, TrainingListener...)}, with checkpoints in
     * {@code dir}: for a second model trained within the same run (M3's teacher). Once that model has finished,
     * calling this again restores its best weights without training.
     */
    public static Result fit(RunContext c, Path dir, SessionModel model, TrainValidation split,
                             TrainingListener... extra) throws IOException {
        return fit(c, dir, c.run().variant().training().maxEpochs(), model, split, extra);
    }

    /**
     * Trains {@code model} (freshly initialised) on {@code all} for exactly {@code epochs} epochs, with no
     * validation and no early stopping, leaving the last epoch's weights in it; checkpointed in {@code dir} and
     * resumed like {@link #fit}. This is the refit of a run whose epoch count early stopping found on the
     * validation split: the held-out sequences join the training data for the final model.
     */
    public static Result refit(RunContext c, Path dir, int epochs, SessionModel model, SequenceSet all)
            throws IOException {
        return fit(c, dir, epochs, EarlyStopping.lastEpoch(dir.resolve(BEST)), model,
                new TrainValidation(all, all.range(0, 0)));
    }

    /**
     * Trains up to epoch {@code maxEpochs} in all. Resumed with a larger {@code maxEpochs} after finishing, training
     * continues from the last epoch's weights and optimiser state (a promoted trial of a search).
     */
    private static Result fit(RunContext c, Path dir, int maxEpochs, SessionModel model, TrainValidation split,
                              TrainingListener... extra) throws IOException {
        return fit(c, dir, maxEpochs, new EarlyStopping(c.run().variant().training().patience(), dir.resolve(BEST)), model,
                split, extra);
    }

    private static Result fit(RunContext c, Path dir, int maxEpochs, EarlyStopping stopping, SessionModel model,
                              TrainValidation split, TrainingListener... extra) throws IOException {
        Runnable holding = holding(c, dir);
        holding.run();
        Files.createDirectories(dir);
        Optional<TrainingState> state = EpochCheckpoint.load(dir, dir.startsWith(c.runDir()) ? c.runDir()
                .resolve(ExperimentRunner.CHECKPOINTS) : dir);
        state.ifPresent(s -> {
            EpochCheckpoint.restore(s, dir, model, stopping);
            if (s.inEpoch() == null) {
                c.out().printf("  resuming after epoch %d (checkpoint %s)%n", s.epochsDone(),
                        dir.resolve(s.checkpoint()));
            } else {
                c.out().printf("  resuming in epoch %d after batch %d, %,d sequences in (checkpoint %s)%n",
                        s.inEpoch().epoch(), s.inEpoch().batchesDone(), s.inEpoch().sequencesDone(),
                        dir.resolve(s.checkpoint()));
            }
        });
        EpochCheckpoint checkpoint = new EpochCheckpoint(dir, stopping, state.orElse(null), checkpointInterval(),
                holding);
        List<TrainingListener> listeners = new ArrayList<>();
        listeners.add(new TrainingListener() {
            @Override
            public void onEpochEnd(SessionModel model, EpochRecord stats) {
                holding.run(); // before early stopping saves the epoch's weights as the best
            }
        });
        listeners.addAll(List.of(extra));
        listeners.add(stopping);
        listeners.add(checkpoint);
        EpochProgress start = state.map(TrainingState::resumePoint).orElse(EpochProgress.start(1));
        trainer(c, maxEpochs, split.validation().size() > 0, listeners)
                .fit(model, split.train(), split.validation(), c.data().items(), start);
        return new Result(checkpoint.history(), stopping.bestEpoch(), checkpoint.trainSeconds(),
                state.isPresent() ? start : null);
    }

    /**
     * Throws {@link ClaimLostException} when another worker has taken over the run whose checkpoints {@code dir}
     * holds: run before this worker reads or writes them. Nothing to check alone on the folder, or outside the
     * run's folder (the pre-trained M1's cache, under a claim of its own).
     */
    private static Runnable holding(RunContext c, Path dir) {
        if (c.claims() == null || !dir.startsWith(c.runDir())) {
            return () -> { };
        }
        String id = c.run().id();
        return () -> {
            if (!c.claims().confirm(id)) {
                throw new ClaimLostException(id);
            }
        };
    }

    /**
     * The trainer with the run's settings, progress printed first (without validation metrics when there is no
     * validation split), then {@code listeners} in order.
     */
    private static Trainer trainer(RunContext c, int maxEpochs, boolean validates,
                                   List<TrainingListener> listeners) {
        GruTraining t = c.run().variant().training();
        ProtocolSpec p = c.spec().protocol();
        TrainingConfig config = new TrainingConfig(t.batchSize(), (float) t.learningRate(), maxEpochs,
                t.patience(), t.embeddingDropout(), p.maxLength(), p.cutoff(), c.run().seed(), t.warmupSteps(),
                t.learningRateDecay());
        List<TrainingListener> all = new ArrayList<>(listeners);
        String prefix = "  [" + c.run().id() + "]" + (validates ? "" : " refit");
        all.add(0, new ProgressPrinter(c.out(), prefix, validates));
        return new Trainer(config, all, new ValidationRanking(config));
    }
}
