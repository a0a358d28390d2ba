package org.sessionrnn.runner;

import java.util.Map;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.SoftmaxModel;

/**
 * M1: trains a softmax GRU on the run's fraction with early stopping and checkpoints, then evaluates and times
 * it ({@link NeuralSteps}). At fraction 1 its best weights seed the pre-trained model cache that M2 and M4
 * start from ({@link PretrainedModels#offer}); it holds that entry's claim while it trains
 * ({@link PretrainedModels#reserve}), so that workers running M2 or M4 wait for it rather than train the same
 * model alongside.
 */
final class SoftmaxRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        TrainValidation split = NeuralSteps.split(c);
        boolean reserved = PretrainedModels.reserve(c);
        try (SoftmaxModel model = ModelFactory.of(c).softmax()) {
            RunOutcome outcome = NeuralSteps.trainAndMeasure(c, model, split, Map.of());
            PretrainedModels.offer(c, c.checkpoints().resolve("best"), outcome);
            return outcome;
        } finally {
            if (reserved) {
                PretrainedModels.unreserve(c);
            }
        }
    }
}
