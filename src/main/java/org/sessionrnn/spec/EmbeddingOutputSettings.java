package org.sessionrnn.spec;

import org.sessionrnn.io.Limits;

/**
 * M4: a GRU whose output lives in the item embedding space of a pre-trained M1. Each component is the key of the
 * same position in {@link #KEYS}.
 *
 * @param training      how it, and the pre-trained M1, are trained ({@link GruTraining#KEYS})
 * @param hiddenSize    {@link #HIDDEN_SIZE}
 * @param outputDropout the pre-trained M1's {@link SoftmaxSettings#OUTPUT_DROPOUT}
 * @param sampledNegatives the pre-trained M1's {@link SoftmaxSettings#SAMPLED_NEGATIVES}
 */
public record EmbeddingOutputSettings(GruTraining training, int hiddenSize, double outputDropout,
                                      int sampledNegatives) implements GruSettings {
    public static final Key<Integer> HIDDEN_SIZE = Key.integer("hidden_size", 0, Interval.upTo(0, Limits.MAX_LAYER),
            "size of the fully connected layer between GRU and output; 0 = the GRU size").inTextSince01(0);

    /** The keys, the training keys first. */
    public static final KeyTable<EmbeddingOutputSettings> KEYS = KeyTable.of(EmbeddingOutputSettings.class,
            GruTraining.KEYS, HIDDEN_SIZE, SoftmaxSettings.OUTPUT_DROPOUT, SoftmaxSettings.SAMPLED_NEGATIVES);

    /** A hidden layer of the GRU's size and the paper's M1 as the pre-trained model. */
    public static final EmbeddingOutputSettings DEFAULT = KEYS.defaults();

    /**
     * The settings of the pre-trained M1 whose item embeddings are the targets: the paper's M1 options with this
     * output dropout and sampled softmax, so that an m1 run with the same settings supplies it.
     */
    public SoftmaxSettings pretrained() {
        SoftmaxSettings m1 = SoftmaxSettings.KEYS.with(SoftmaxSettings.of(training), SoftmaxSettings.OUTPUT_DROPOUT,
                outputDropout);
        return SoftmaxSettings.KEYS.with(m1, SoftmaxSettings.SAMPLED_NEGATIVES, sampledNegatives);
    }

    @Override
    public KeyTable<EmbeddingOutputSettings> keyTable() {
        return KEYS;
    }
}
