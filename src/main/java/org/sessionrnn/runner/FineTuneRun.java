package org.sessionrnn.runner;

import org.sessionrnn.model.NeuralModel;

/**
 * M2: an M1 pre-trained on the whole training set (see {@link PretrainedModels}) is fine-tuned on the run's
 * recent fraction, with early stopping on that fraction's validation split. Fine-tuning is a fresh training run
 * initialised from the pre-trained weights: a new graph whose variables are assigned those weights, with Adam's
 * moments at zero and its step count at 0 (the pre-training's moments describe another data distribution).
 */
final class FineTuneRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        PretrainedModels.Start start = PretrainedModels.start(c);
        ModelFactory models = ModelFactory.of(c);
        return start.withPretraining(NeuralSteps.trainAndMeasure(c, train -> {
            NeuralModel model = NeuralModel.build(models.trainingOn(train).softmaxVariant());
            start.weights().initialise(model);
            return model;
        }, start.split(), start.facts()));
    }
}
