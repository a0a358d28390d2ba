package org.sessionrnn.runner;

import java.util.Map;
import org.sessionrnn.data.TrainValidation;

/**
 * M1 and m1plus: trains a softmax GRU with the variant's options on the run's fraction with early stopping and
 * checkpoints, then evaluates and times it ({@link NeuralSteps}). An M1's best weights at fraction 1 seed the
 * pre-trained model cache that M2 and M4 start from ({@link PretrainedModels#offer}); it holds that entry's
 * claim while it trains ({@link PretrainedModels#reserve}), so that workers running M2 or M4 wait for it rather
 * than train the same model alongside. m1plus is another architecture and offers nothing.
 */
final class SoftmaxRun implements RunExecutor {
    private final boolean offersPretrained;

    /** @param offersPretrained whether the trained model may stand in for M2/M4's pre-trained M1 */
    SoftmaxRun(boolean offersPretrained) {
        this.offersPretrained = offersPretrained;
    }

    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        TrainValidation split = NeuralSteps.split(c);
        boolean reserved = offersPretrained && PretrainedModels.reserve(c);
        try {
            ModelFactory models = ModelFactory.of(c);
            RunOutcome outcome = NeuralSteps.trainAndMeasure(c, train -> models.softmaxVariant(), split, Map.of());
            // the early-stopped weights, not a refit's: M2 and M4 start from a model chosen on validation
            if (offersPretrained) {
                PretrainedModels.offer(c, c.checkpoints().resolve("best"), outcome);
            }
            return outcome;
        } finally {
            if (reserved) {
                PretrainedModels.unreserve(c);
            }
        }
    }
}
