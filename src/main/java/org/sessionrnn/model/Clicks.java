package org.sessionrnn.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;

/**
 * The input sequences a {@link ForwardBlock} scores, in one of two layouts over the same variables: packed
 * ({@link PackedSequences}, fed by {@link NeuralModel} for training and evaluation, where each step computes only
 * the rows with a click) or padded ({@code [rows, steps]} item indices, right-aligned, {@code -1} where there is
 * no click: what an export's signature reads, with no Java packing step before the graph). The packed graph is
 * the training graph; the padded one holds inference only, so a block adds training-time ops (dropout) only to
 * packed input.
 */
public final class Clicks {
    private final EncoderInputs packed;
    private final Operand<TInt32> padded;
    private final int steps;

    private Clicks(EncoderInputs packed, Operand<TInt32> padded, int steps) {
        this.packed = packed;
        this.padded = padded;
        this.steps = steps;
    }

    static Clicks packed(EncoderInputs inputs, int steps) {
        return new Clicks(inputs, null, steps);
    }

    /** Padded input: {@code clicks [rows, steps]}. */
    public static Clicks padded(Operand<TInt32> clicks, int steps) {
        return new Clicks(null, clicks, steps);
    }

    /** Time steps per row. */
    public int steps() {
        return steps;
    }

    /** True for the training graph's packed input, false for an inference graph's padded input. */
    public boolean training() {
        return packed != null;
    }

    /** The number of rows, a scalar. */
    public Operand<TInt32> rows(Ops tf) {
        return packed != null ? tf.size(packed.restore) : tf.squeeze(tf.shape.size(padded, tf.constant(0)));
    }

    /**
     * The last {@code window} clicks of every row, {@code [rows, window]}, right-aligned: column
     * {@code window - 1} is the most recent click. A column before a row's first click holds an index outside
     * {@code 0..items-1} (the padding index, or -1 for padded input). Needs {@code window <= steps()}.
     */
    public Operand<TInt32> recent(Ops tf, int window) {
        if (window < 1 || window > steps) {
            throw new IllegalArgumentException("recent clicks window must be in 1.." + steps + ": " + window);
        }
        if (packed != null) {
            return packed.recent(tf, window);
        }
        return tf.slice(padded, tf.constant(new int[]{0, steps - window}), tf.constant(new int[]{-1, window}));
    }

    /** The packed placeholders; null for padded input. */
    EncoderInputs packedInputs() {
        return packed;
    }

    /** The padded clicks; null for packed input. */
    Operand<TInt32> paddedClicks() {
        return padded;
    }
}
