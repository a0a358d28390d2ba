package org.sessionrnn.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** One label per row and the weight of its one-hot vector in a gradient ({@link LossAndGradient}). */
public record OneHot(Operand<TInt32> labels, float weight) {
    /** {@code weight * x}, or {@code x} itself for weight 1. */
    Operand<TFloat32> scale(Ops tf, Operand<TFloat32> x) {
        return weight == 1f ? x : tf.math.mul(x, tf.constant(weight));
    }
}
