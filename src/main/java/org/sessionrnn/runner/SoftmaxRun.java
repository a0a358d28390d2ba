package org.sessionrnn.runner;

import java.util.Map;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.NeuralModel;

/**
 * M1: trains a softmax GRU with the variant's options on the run's fraction with early stopping and
 * checkpoints, then evaluates and times it ({@link NeuralSteps}). Its best weights at fraction 1 seed the
 * pre-trained model cache that M2 and M4 start from ({@link PretrainedModels#offer}); it holds that entry's
 * claim while it trains ({@link PretrainedModels#reserve}), so that workers running M2 or M4 wait for it rather
 * than train the same model alongside.
 */
final class SoftmaxRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        TrainValidation split = NeuralSteps.split(c);
        boolean reserved = PretrainedModels.reserve(c);
        try {
            ModelFactory models = ModelFactory.of(c);
            RunOutcome outcome = NeuralSteps.trainAndMeasure(c, train -> NeuralModel.build(models.trainingOn(train).softmaxVariant()),
                    split, Map.of());
            // the early-stopped weights, not a refit's: M2 and M4 start from a model chosen on validation
            PretrainedModels.offer(c, c.checkpoints().resolve("best"), outcome);
            return outcome;
        } finally {
            if (reserved) {
                PretrainedModels.unreserve(c);
            }
        }
    }
}
