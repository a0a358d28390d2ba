package org.sessionrnn.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SequenceSplitter;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.eval.PredictionTimer;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.spec.ProtocolSpec;

/**
 * The steps every GRU executor shares: the run's train/validation split, training with early stopping and
 * checkpoints ({@link CheckpointedTraining}), evaluation on the test prefixes and batch prediction timing.
 * Executors build their model (through {@link ModelFactory}) and hand it here; none calls another executor.
 */
final class NeuralSteps {
    /** Table 2 protocol: batches of 512 prefixes, 3 warm-up batches, 30 timed. */
    private static final PredictionTimer TIMER = new PredictionTimer(512, 3, 30);
    /** Prefixes ranked per batch in the test evaluation. */
    private static final int EVALUATION_BATCH = 512;

    private NeuralSteps() {
    }

    /** The run's fraction of the most recent training sequences, less the validation hold-out. */
    static TrainValidation split(RunContext c) {
        SequenceSet fraction = SequenceSplitter.recentFraction(c.data().trainByTime(), c.run().fraction());
        return SequenceSplitter.validationSplit(fraction, c.spec().protocol().validationShare(), c.run().seed(),
                c.data().dataset().holdout());
    }

    /** Builds a freshly initialised model of the run, ready to train on {@code train}. */
    @FunctionalInterface
    interface ModelMaker {
        SessionModel make(SequenceSet train) throws Exception;
    }

    /**
     * Trains a model made by {@code maker} on {@code split} with early stopping and checkpoints, then evaluates
     * it on the test prefixes and times its batch predictions. With the variant's {@code refit} on, the model
     * evaluated is a second one, trained on all of the run's sequences (validation ones included) for the epoch
     * count early stopping found. Without a test split (hyperparameter selection) it only trains: the outcome's
     * test result and timing are null, and there is no refit.
     *
     * @param facts variant-specific provenance to record with the run
     */
    static RunOutcome trainAndMeasure(RunContext c, ModelMaker maker, TrainValidation split,
                                      Map<String, String> facts) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(facts);
        CheckpointedTraining.Result trained;
        try (SessionModel model = maker.make(split.train())) {
            trained = CheckpointedTraining.fit(c, model, split);
            all.putAll(trained.facts());
            if (!c.data().hasTest()) {
                return new RunOutcome(null, split.train().size(), split.validation().size(), trained.history(),
                        trained.bestEpoch(), trained.trainSeconds(), model.parameterCount(), null, all);
            }
            if (!c.run().variant().training().refit() || trained.bestEpoch() == 0) {
                return measure(c, model, split.train().size(), split, trained, trained.trainSeconds(), all);
            }
        }
        return refitAndMeasure(c, maker, split, trained, all);
    }

    private static RunOutcome refitAndMeasure(RunContext c, ModelMaker maker, TrainValidation split,
                                              CheckpointedTraining.Result trained, Map<String, String> facts)
            throws Exception {
        SequenceSet sequences = SequenceSplitter.recentFraction(c.data().trainByTime(), c.run().fraction());
        try (SessionModel model = maker.make(sequences)) {
            c.out().printf("  [%s] refit: %d epochs on all %,d training sequences%n", c.run().id(),
                    trained.bestEpoch(), sequences.size());
            CheckpointedTraining.Result refitted = CheckpointedTraining.refit(c, c.checkpoints().resolve(CheckpointedTraining.REFIT_FOLDER),
                    trained.bestEpoch(), model, sequences);
            facts.put(CheckpointedTraining.REFIT_EPOCHS, Integer.toString(trained.bestEpoch()));
            facts.put("refit_seconds", Double.toString(refitted.trainSeconds()));
            return measure(c, model, sequences.size(), split, trained,
                    trained.trainSeconds() + refitted.trainSeconds(), facts);
        }
    }

    private static RunOutcome measure(RunContext c, SessionModel model, long trainSequences, TrainValidation split,
                                      CheckpointedTraining.Result trained, double trainSeconds,
                                      Map<String, String> facts) {
        ProtocolSpec p = c.spec().protocol();
        EvaluationResult test = evaluate(c, model);
        PredictionTimer.Timing timing = TIMER.measure(model, c.data().test(), p.maxLength(), c.data().items(),
                p.cutoff());
        return new RunOutcome(test, trainSequences, split.validation().size(), trained.history(),
                trained.bestEpoch(), trainSeconds, model.parameterCount(), timing, facts);
    }

    /** Recall@k and MRR@k of {@code model} over every test prefix, ranking among all items. */
    private static EvaluationResult evaluate(RunContext c, SessionModel model) {
        ProtocolSpec p = c.spec().protocol();
        return new Evaluator(p.cutoff()).evaluate(
                new ModelRanker(model, EVALUATION_BATCH, p.maxLength(), c.data().items()), c.data().test());
    }
}
