package org.sessionrnn.model;

import java.nio.file.Path;

/**
 * A trainable next-click model living in its own TensorFlow graph and session. Implementations are not
 * thread-safe; close them to free native memory.
 */
public interface SessionModel extends AutoCloseable {
    /** One optimiser step on {@code batch}; returns the batch's mean training loss. */
    double trainStep(Batch batch, float learningRate);

    /**
     * Scores all items for every row of {@code batch} and writes the rank of the row's label under both tie
     * modes (standard: 1 + #higher; conservative: #at least as high).
     */
    void rank(Batch batch, int[] standard, int[] conservative);

    /** The top-{@code k} items of every row, row-major into {@code dst}: the prediction a deployment makes. */
    void predictTopK(Batch batch, int k, int[] dst);

    /** Trainable parameters used at prediction time. */
    long parameterCount();

    /** Writes all variables, optimiser slots included, under {@code prefix}. */
    void save(Path prefix);

    /** Reads variables written by {@link #save}. */
    void restore(Path prefix);

    /** Number of optimiser steps taken (restored with the trainer's state, not the checkpoint). */
    long steps();

    void setSteps(long steps);

    @Override
    void close();
}
