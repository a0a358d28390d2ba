package org.sessionrnn.runner;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.PredictionTimer;
import org.sessionrnn.model.SoftmaxModel;
import org.sessionrnn.spec.VariantSpec;
import org.sessionrnn.train.EarlyStopping;
import org.sessionrnn.train.EpochStats;

/**
 * M2: an M1 pre-trained on the whole training set (see {@link PretrainedModels}) is fine-tuned on the run's
 * recent fraction, with early stopping on that fraction's validation split. Fine-tuning is a fresh training run
 * initialised from the pre-trained weights: a new graph whose variables are assigned those weights, with Adam's
 * moments at zero and its step count at 0 (the pre-training's moments describe another data distribution).
 */
final class FineTuneRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        VariantSpec v = c.run().variant();
        int items = c.data().items();
        PretrainedModels.Pretrained pre = PretrainedModels.obtain(c);
        TrainValidation split = SoftmaxRun.split(c);
        Files.createDirectories(c.checkpoints());
        try (SoftmaxModel model = SoftmaxModel.create(items, v.embedding(), c.run().gruSize(),
                c.spec().protocol().maxLength(), c.run().seed())) {
            pre.weights(c).initialise(model);
            EarlyStopping stopping = new EarlyStopping(v.patience(), c.checkpoints().resolve("best"));
            long start = System.nanoTime();
            List<EpochStats> history = SoftmaxRun.trainer(c, stopping).fit(model, split.train(), split.validation(),
                    items);
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            EvaluationResult test = SoftmaxRun.evaluate(c, model);
            PredictionTimer.Timing timing = SoftmaxRun.TIMER.measure(model, c.data().test(),
                    c.spec().protocol().maxLength(), items, c.spec().protocol().cutoff());
            return new RunOutcome(test, split.train().size(), split.validation().size(), history,
                    stopping.bestEpoch(), trainSeconds, model.parameterCount(), timing, facts(pre));
        }
    }

    static Map<String, String> facts(PretrainedModels.Pretrained pre) {
        return Map.of("pretrained_checkpoint", pre.checkpoint().toString(), "pretrained_config_hash",
                pre.configHash());
    }
}
