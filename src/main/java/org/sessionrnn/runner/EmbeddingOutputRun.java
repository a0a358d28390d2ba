package org.sessionrnn.runner;

import org.sessionrnn.model.NeuralModel;

/**
 * M4: trains an M4 ({@link org.sessionrnn.model.EmbeddingCosineBlock}) on the run's fraction, its targets the item embeddings of the
 * full-data M1 shared with M2 ({@link PretrainedModels}); early stopping on validation Recall@k.
 */
final class EmbeddingOutputRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        PretrainedModels.Start start = PretrainedModels.start(c);
        ModelFactory models = ModelFactory.of(c);
        return start.withPretraining(NeuralSteps.trainAndMeasure(c, train -> NeuralModel.build(models.embeddingOutput(start.weights())), start.split(),
                start.facts()));
    }
}
