package org.sessionrnn.runner;

import java.util.Map;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.SoftmaxModel;

/**
 * M1: trains a softmax GRU on the run's fraction with early stopping and checkpoints, then evaluates and times
 * it ({@link NeuralSteps}). At fraction 1 its best weights seed the pre-trained model cache that M2 and M4
 * start from ({@link PretrainedModels#offer}).
 */
final class SoftmaxRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        TrainValidation split = NeuralSteps.split(c);
        try (SoftmaxModel model = ModelFactory.of(c).softmax()) {
            RunOutcome outcome = NeuralSteps.trainAndMeasure(c, model, split, Map.of());
            PretrainedModels.offer(c, c.checkpoints().resolve("best"), outcome);
            return outcome;
        }
    }
}
