package org.sessionrnn.runner;

import java.nio.file.Files;
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
import org.sessionrnn.train.EarlyStopping;
import org.sessionrnn.train.EpochStats;
import org.sessionrnn.train.ProgressPrinter;
import org.sessionrnn.train.Trainer;
import org.sessionrnn.train.TrainingConfig;
import org.sessionrnn.train.TrainingListener;

/** M1: trains a softmax GRU on the run's fraction with early stopping, then evaluates and times it. */
public final class SoftmaxRun implements RunExecutor {
    /** Table 2 protocol: batches of 512 prefixes, 3 warm-up batches, 30 timed. */
    static final PredictionTimer TIMER = new PredictionTimer(512, 3, 30);

    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        VariantSpec v = c.run().variant();
        ProtocolSpec p = c.spec().protocol();
        int items = c.data().items();
        TrainValidation split = split(c);
        Files.createDirectories(c.checkpoints());
        try (SoftmaxModel model = SoftmaxModel.create(items, v.embedding(), c.run().gruSize(), p.maxLength(),
                c.run().seed())) {
            EarlyStopping stopping = new EarlyStopping(v.patience(), c.checkpoints().resolve("best"));
            long start = System.nanoTime();
            List<EpochStats> history = trainer(c, stopping).fit(model, split.train(), split.validation(), items);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            PretrainedModels.offer(c, c.checkpoints().resolve("best"), stopping);
            EvaluationResult test = evaluate(c, model);
            PredictionTimer.Timing timing = TIMER.measure(model, c.data().test(), p.maxLength(), items, p.cutoff());
            return new RunOutcome(test, split.train().size(), split.validation().size(), history,
                    stopping.bestEpoch(), trainSeconds, model.parameterCount(), timing, Map.of());
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
