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

    /** True for the GRU models m1-m4. */
    public boolean neural() {
        return model.startsWith("m");
    }
}
