package org.sessionrnn.runner;

import java.nio.file.Files;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.EmbeddingOutputModel;
import org.sessionrnn.spec.VariantSpec;

/**
 * M4: trains an {@link EmbeddingOutputModel} on the run's fraction, its targets the item embeddings of the
 * full-data M1 shared with M2 ({@link PretrainedModels}); early stopping on validation Recall@k.
 */
final class EmbeddingOutputRun implements RunExecutor {
    @Override
    public RunOutcome execute(RunContext c) throws Exception {
        VariantSpec v = c.run().variant();
        int items = c.data().items();
        PretrainedModels.Pretrained pre = PretrainedModels.obtain(c);
        TrainValidation split = SoftmaxRun.split(c);
        Files.createDirectories(c.checkpoints());
        try (EmbeddingOutputModel model = EmbeddingOutputModel.create(items, v.embedding(), c.run().gruSize(),
                hiddenSize(v, c.run().gruSize()), c.spec().protocol().maxLength(), c.run().seed(), pre.weights(c))) {
            return NeuralRun.trainAndMeasure(c, model, split, FineTuneRun.facts(pre));
        }
    }

    /** The spec's hidden size, 0 meaning the GRU size. */
    static int hiddenSize(VariantSpec v, int gruSize) {
        return v.hiddenSize() > 0 ? v.hiddenSize() : gruSize;
    }
}
