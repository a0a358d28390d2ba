package org.sessionrnn.runner;

import java.io.IOException;
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
        return SequenceSplitter.validationSplit(fraction, c.spec().protocol().validationShare(), c.run().seed());
    }

    /**
     * Trains {@code model} on {@code split} with early stopping and checkpoints, then evaluates it on the
     * test prefixes and times its batch predictions. Without a test split (hyperparameter selection) it only
     * trains: the outcome's test result and timing are null.
     *
     * @param facts variant-specific provenance to record with the run
     */
    static RunOutcome trainAndMeasure(RunContext c, SessionModel model, TrainValidation split,
                                      Map<String, String> facts) throws IOException {
        CheckpointedTraining.Result trained = CheckpointedTraining.fit(c, model, split);
        Map<String, String> all = new LinkedHashMap<>(facts);
        all.putAll(trained.facts());
        if (!c.data().hasTest()) {
            return new RunOutcome(null, split.train().size(), split.validation().size(), trained.history(),
                    trained.bestEpoch(), trained.trainSeconds(), model.parameterCount(), null, all);
        }
        ProtocolSpec p = c.spec().protocol();
        EvaluationResult test = evaluate(c, model);
        PredictionTimer.Timing timing = TIMER.measure(model, c.data().test(), p.maxLength(), c.data().items(),
                p.cutoff());
        return new RunOutcome(test, split.train().size(), split.validation().size(), trained.history(),
                trained.bestEpoch(), trained.trainSeconds(), model.parameterCount(), timing, all);
    }

    /** Recall@k and MRR@k of {@code model} over every test prefix, ranking among all items. */
    private static EvaluationResult evaluate(RunContext c, SessionModel model) {
        ProtocolSpec p = c.spec().protocol();
        return new Evaluator(p.cutoff()).evaluate(
                new ModelRanker(model, EVALUATION_BATCH, p.maxLength(), c.data().items()), c.data().test());
    }
}
