package org.sessionrnn.runner;

import java.nio.file.Files;
import java.util.Map;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.SoftmaxModel;
import org.sessionrnn.spec.VariantSpec;

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
            return NeuralRun.trainAndMeasure(c, model, split, facts(pre));
        }
    }

    static Map<String, String> facts(PretrainedModels.Pretrained pre) {
        return Map.of("pretrained_checkpoint", pre.checkpoint().toString(), "pretrained_config_hash",
                pre.configHash());
    }
}
