package org.sessionrnn.runner;

/**
 * How a model kind's trained graph turns the GRU's final state into item scores: what an inference export needs
 * to know of a kind beyond the shared encoder. A kind names its output layer in {@link ModelKind}; a new kind
 * with a new kind of output layer adds a constant here and its export head.
 */
public enum OutputLayer {
    /**
     * A dense layer over all items ({@code output/kernel}, {@code output/bias}), ranked by logit (M1, M2, M3's
     * student, m1plus). With the variant's tied embedding the same kernel is also the input item embedding.
     */
    SOFTMAX,
    /**
     * Layers into the item embedding space of a pre-trained M1 ({@code head/*}), ranked by cosine against that
     * M1's item embeddings (M4).
     */
    EMBEDDING_COSINE,
    /** No graph, nothing to export (the baselines). */
    NONE
}
