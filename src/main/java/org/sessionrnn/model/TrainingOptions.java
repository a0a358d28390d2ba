package org.sessionrnn.model;

import org.sessionrnn.spec.Optimizer;

/**
 * How {@link NeuralModel} turns any block's gradients into updates: the optimiser and gradient clipping. The
 * learning rate (with warm-up and decay) is the trainer's, fed at every step.
 *
 * @param optimizer the update rule, as the spec's {@code optimizer} key names it
 * @param momentum  Adagrad's momentum (GRU4Rec's {@code momentum}); unused by Adam
 * @param clipNorm  the gradients of all variables are scaled down together so that their global L2 norm is at
 *                  most this (Pascanu et al. 2013); 0 = off
 */
public record TrainingOptions(Optimizer optimizer, double momentum, double clipNorm) {
    /** The paper's: Adam, no clipping. */
    public static final TrainingOptions ADAM = new TrainingOptions(Optimizer.ADAM, 0, 0);

    public TrainingOptions {
        if (!(clipNorm >= 0) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("clip norm >= 0, momentum in [0, 1)");
        }
    }
}
