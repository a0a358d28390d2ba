package org.sessionrnn.spec;

import java.util.List;

/**
 * One model variant of a spec, with its hyperparameters. Neural fields are ignored by baselines.
 *
 * @param label            unique name of the variant in the spec (defaults to the model name)
 * @param model            {@code m1}, {@code m2}, {@code m3}, {@code m4}, {@code pop}, {@code spop}, {@code itemknn}
 * @param gruSizes         GRU hidden sizes, one run each
 * @param embedding        item embedding size (50)
 * @param embeddingDropout probability of deleting each input click during training (0.25)
 * @param batchSize        mini-batch size (512)
 * @param learningRate     Adam learning rate (0.001)
 * @param maxEpochs        upper bound on epochs
 * @param patience         epochs without validation improvement before stopping
 * @param lambda           M3: weight of the teacher's soft labels (0.2)
 * @param temperature      M3: softmax temperature of the soft labels (1)
 * @param softLabelTopK    M3: 0 for dense soft labels, else keep the teacher's top-k probabilities
 * @param hiddenSize       M4: size of the fully connected layer between GRU and output (defaults to the GRU size)
 * @param neighbours       Item-KNN: neighbours kept per item (100)
 * @param knnLambda        Item-KNN: similarity regularisation lambda (20)
 * @param knnAlpha         Item-KNN: similarity normalisation exponent alpha (0.5)
 */
public record VariantSpec(String label, String model, List<Integer> gruSizes, int embedding, double embeddingDropout,
                          int batchSize, double learningRate, int maxEpochs, int patience, double lambda,
                          double temperature, int softLabelTopK, int hiddenSize, int neighbours, double knnLambda,
                          double knnAlpha) {
    public VariantSpec {
        gruSizes = List.copyOf(gruSizes);
    }

    /**
     * The spec defaults for {@code model}, labelled with the model name: GRU sizes [100] (baselines: [0]),
     * embedding 50, embedding dropout 0.25, batch 512, learning rate 0.001, 10 epochs, patience 2, lambda 0.2,
     * temperature 1, dense soft labels, hidden size 0 (= GRU size), 100 neighbours, knn lambda 20, knn alpha 0.5.
     * Fields a model does not use keep these values and are ignored.
     */
    public static VariantSpec defaults(String model) {
        List<Integer> sizes = ModelCatalogue.of(model).neural() ? List.of(100) : List.of(0);
        return new VariantSpec(model, model, sizes, 50, 0.25, 512, 0.001, 10, 2, 0.2, 1.0, 0, 0, 100, 20.0, 0.5);
    }

    /** True for the GRU models. */
    public boolean neural() {
        return ModelCatalogue.of(model).neural();
    }
}
