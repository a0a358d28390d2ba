package org.sessionrnn.model;

import java.util.function.Supplier;

/**
 * What a neural model is, before it is built: a forward block, a loss and training options, for a catalogue of
 * {@code items} and inputs of {@code steps} clicks, initialised from {@code seed}. {@link NeuralModel#build}
 * builds the training graph from it; an export builds only the block. The loss is made when a training graph is
 * built, so an export never builds (or loads what) only training needs.
 */
public record ModelParts(int items, int steps, long seed, BlockMaker block, Supplier<Loss> loss,
                         TrainingOptions training) {
}
