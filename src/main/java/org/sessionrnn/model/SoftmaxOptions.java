package org.sessionrnn.model;

/**
 * Training and architecture options of a softmax GRU ({@link SoftmaxModel}) beyond the paper's M1. {@link #NONE}
 * builds exactly the paper's M1 graph.
 *
 * @param outputDropout  dropout rate on the GRU's final state before the output layer, training only (GRU4Rec's
 *                       {@code dropout_p_hidden}); 0 = off
 * @param clipNorm       the gradients of all variables are scaled down together so that their global L2 norm is
 *                       at most this (Pascanu et al. 2013); 0 = off
 * @param tiedEmbedding  the input item embedding is the output layer's weight matrix (GRU4Rec's
 *                       {@code constrained_embedding}; Press and Wolf 2017): the embedding size is then the GRU size
 *                       and no separate embedding variable exists
 * @param optimizer      the update rule
 * @param momentum       Adagrad's momentum (GRU4Rec's {@code momentum}); unused by Adam
 */
public record SoftmaxOptions(double outputDropout, double clipNorm, boolean tiedEmbedding, Optimizer optimizer,
                             double momentum) {
    /** The paper's M1: no output dropout, no clipping, separate embedding, Adam. */
    public static final SoftmaxOptions NONE = new SoftmaxOptions(0, 0, false, Optimizer.ADAM, 0);

    public SoftmaxOptions {
        if (!(outputDropout >= 0 && outputDropout < 1) || !(clipNorm >= 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("output dropout in [0, 1), clip norm >= 0, momentum in [0, 1)");
        }
    }

    /** The update rules a softmax GRU can train with. */
    public enum Optimizer {
        /** Adam (Kingma and Ba 2015), the paper's choice. */
        ADAM,
        /** Adagrad (Duchi et al. 2011) with momentum, as GRU4Rec trains. */
        ADAGRAD
    }
}
