package org.sessionrnn.runner;

import java.nio.file.Files;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.EmbeddingOutputModel;

/**
 * M4: trains an {@link EmbeddingOutputModel} on the run's fraction, its targets the item embeddings of the
 * full-data M1 shared with M2 ({@link PretrainedModels}); early stopping on validation Recall@k.
 */
final class EmbeddingOutputRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        PretrainedModels.Pretrained pre = PretrainedModels.obtain(c);
        TrainValidation split = NeuralSteps.split(c);
        Files.createDirectories(c.checkpoints());
        ModelFactory models = ModelFactory.of(c);
        try (EmbeddingOutputModel model = models.embeddingOutput(models.loadSoftmax(pre.checkpoint()))) {
            return NeuralSteps.trainAndMeasure(c, model, split, pre.facts());
        }
    }
}
