package org.sessionrnn.runner;

import java.util.Map;
import org.sessionrnn.model.NeuralModel;

/**
 * The run of a neural kind that needs nothing beyond its model: builds the kind's {@link ModelParts} through
 * {@link ModelFactory} and hands the model to {@link NeuralSteps} (split, training with early stopping and
 * checkpoints, evaluation, timing). m1plus runs this way, and so does a new kind with its own forward block.
 */
final class NeuralRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        RunnableKind kind = RunnableKind.of(c.run().variant().model());
        ModelFactory models = ModelFactory.of(c);
        return NeuralSteps.trainAndMeasure(c, train -> NeuralModel.build(kind.model(models.trainingOn(train))),
                NeuralSteps.split(c), Map.of());
    }
}
