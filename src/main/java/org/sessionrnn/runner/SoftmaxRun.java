package org.sessionrnn.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SequenceSplitter;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.eval.PredictionTimer;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.model.SoftmaxModel;
import org.sessionrnn.spec.ProtocolSpec;
import org.sessionrnn.spec.VariantSpec;
import org.sessionrnn.train.ProgressPrinter;
import org.sessionrnn.train.Trainer;
import org.sessionrnn.train.TrainingConfig;
import org.sessionrnn.train.TrainingListener;

/**
 * M1: trains a softmax GRU on the run's fraction with early stopping and checkpoints (resuming an
 * interrupted attempt, see {@link CheckpointedTraining}), then evaluates and times it.
 */
public final class SoftmaxRun implements RunExecutor {
    /** Table 2 protocol: batches of 512 prefixes, 3 warm-up batches, 30 timed. */
    static final PredictionTimer TIMER = new PredictionTimer(512, 3, 30);

    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        VariantSpec v = c.run().variant();
        ProtocolSpec p = c.spec().protocol();
        int items = c.data().items();
        TrainValidation split = split(c);
        try (SoftmaxModel model = SoftmaxModel.create(items, v.embedding(), c.run().gruSize(), p.maxLength(),
                c.run().seed())) {
            RunOutcome outcome = NeuralRun.trainAndMeasure(c, model, split, Map.of());
            PretrainedModels.offer(c, c.checkpoints().resolve("best"), outcome);
            return outcome;
        }
    }

    /** The run's fraction of the most recent training sequences, less the validation hold-out. */
    static TrainValidation split(RunContext c) {
        SequenceSet fraction = SequenceSplitter.recentFraction(c.data().trainByTime(), c.run().fraction());
        return SequenceSplitter.validationSplit(fraction, c.spec().protocol().validationShare(), c.run().seed());
    }

    static Trainer trainer(RunContext c, TrainingListener... extra) {
        VariantSpec v = c.run().variant();
        ProtocolSpec p = c.spec().protocol();
        TrainingConfig config = new TrainingConfig(v.batchSize(), (float) v.learningRate(), v.maxEpochs(),
                v.patience(), v.embeddingDropout(), p.maxLength(), p.cutoff(), c.run().seed());
        List<TrainingListener> listeners = new ArrayList<>(List.of(extra));
        listeners.add(0, new ProgressPrinter(c.out(), "  [" + c.run().id() + "]"));
        return new Trainer(config, listeners);
    }

    static EvaluationResult evaluate(RunContext c, SessionModel model) {
        ProtocolSpec p = c.spec().protocol();
        return new Evaluator(p.cutoff()).evaluate(
                new ModelRanker(model, 512, p.maxLength(), c.data().items()), c.data().test());
    }
}
