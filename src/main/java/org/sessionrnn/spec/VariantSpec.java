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
 * @param outputDropout    M1, M2, M4 (its pre-trained M1), m1plus: dropout rate on the GRU's final state during
 *                         training (0; m1plus 0.6)
 * @param clipNorm         M1, m1plus: clip the gradients' global L2 norm at this (0 = off)
 * @param warmupSteps      GRU models: the learning rate rises linearly over this many first steps (0 = off)
 * @param learningRateDecay GRU models: the learning rate of epoch e is {@code learningRate * decay^(e - 1)} (1 = off)
 * @param tiedEmbedding    m1plus: the input item embedding is the output layer's weights (true)
 * @param optimizer        m1plus: {@code adam} or {@code adagrad} (adam; M1-M4 always train with Adam)
 * @param momentum         m1plus: Adagrad's momentum (0)
 * @param refit            GRU models: after early stopping has found the best epoch count on the validation split,
 *                         train a fresh model on all of the run's training sequences (validation ones included)
 *                         for that many epochs and evaluate it instead (false)
 */
public record VariantSpec(String label, String model, List<Integer> gruSizes, int embedding, double embeddingDropout,
                          int batchSize, double learningRate, int maxEpochs, int patience, double lambda,
                          double temperature, int softLabelTopK, int hiddenSize, int neighbours, double knnLambda,
                          double knnAlpha, double outputDropout, double clipNorm, long warmupSteps,
                          double learningRateDecay, boolean tiedEmbedding, String optimizer, double momentum,
                          boolean refit) {
    public VariantSpec {
        gruSizes = List.copyOf(gruSizes);
    }

    /**
     * The spec defaults for {@code model}, labelled with the model name: GRU sizes [100] (baselines: [0]),
     * embedding 50, embedding dropout 0.25, batch 512, learning rate 0.001, at most 100 epochs with patience 3
     * (training runs to convergence: early stopping ends it), lambda 0.2, temperature 1, dense soft labels, hidden
     * size 0 (= GRU size), 100 neighbours, knn lambda 20, knn alpha 0.5, no output dropout, no clipping, a
     * constant learning rate, Adam, no refit; a kind may set its own output dropout and tied embedding (m1plus:
     * tied, output dropout 0.6; see {@link ModelSchema#defaultOutputDropout()}).
     * Fields a model does not use keep these values and are ignored.
     */
    public static VariantSpec defaults(String model) {
        ModelSchema kind = ModelCatalogue.of(model);
        boolean neural = kind.neural();
        List<Integer> sizes = neural ? List.of(100) : List.of(0);
        // baselines ignore the epoch fields; they keep version 0.1's values so that their configuration is unchanged
        return new VariantSpec(model, model, sizes, 50, 0.25, 512, 0.001, neural ? 100 : 10, neural ? 3 : 2, 0.2, 1.0,
                0, 0, 100, 20.0, 0.5,
                kind.defaultOutputDropout(), 0, 0, 1, kind.tiedEmbeddingByDefault(), "adam", 0, false);
    }

    /** The update rules a GRU variant with an {@code optimizer} key may name. */
    public static final List<String> OPTIMIZERS = List.of("adam", "adagrad");

    /**
     * The record's text with the options added after version 0.1 (output dropout, clipping, warm-up, decay, tied
     * embedding, optimiser, momentum, refit) written only when they differ from "off", so that a run configured before
     * they existed keeps its text, and hence its configuration hash: its results are still recognised as done.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("VariantSpec[label=" + label + ", model=" + model + ", gruSizes="
                + gruSizes + ", embedding=" + embedding + ", embeddingDropout=" + embeddingDropout + ", batchSize="
                + batchSize + ", learningRate=" + learningRate + ", maxEpochs=" + maxEpochs + ", patience="
                + patience + ", lambda=" + lambda + ", temperature=" + temperature + ", softLabelTopK="
                + softLabelTopK + ", hiddenSize=" + hiddenSize + ", neighbours=" + neighbours + ", knnLambda="
                + knnLambda + ", knnAlpha=" + knnAlpha);
        appendIf(b, outputDropout != 0, "outputDropout", outputDropout);
        appendIf(b, clipNorm != 0, "clipNorm", clipNorm);
        appendIf(b, warmupSteps != 0, "warmupSteps", warmupSteps);
        appendIf(b, learningRateDecay != 1, "learningRateDecay", learningRateDecay);
        appendIf(b, tiedEmbedding, "tiedEmbedding", tiedEmbedding);
        appendIf(b, !optimizer.equals("adam"), "optimizer", optimizer);
        appendIf(b, momentum != 0, "momentum", momentum);
        appendIf(b, refit, "refit", refit);
        return b.append(']').toString();
    }

    private static void appendIf(StringBuilder b, boolean set, String name, Object value) {
        if (set) {
            b.append(", ").append(name).append('=').append(value);
        }
    }

    /** True for the GRU models. */
    public boolean neural() {
        return ModelCatalogue.of(model).neural();
    }
}
