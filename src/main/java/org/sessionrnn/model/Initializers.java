package org.sessionrnn.model;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Seeded initial values. TF Java has no graph-level seed, so every initializer draws from a stateless random op
 * whose seed is {@code (runSeed, tensorIndex)}: the same run seed gives the same weights in every process.
 */
public final class Initializers {
    private final Ops tf;
    private final long runSeed;
    private int next;

    public Initializers(Ops tf, long runSeed) {
        this.tf = tf;
        this.runSeed = runSeed;
    }

    /** Uniform in {@code [-limit, limit)}. */
    public Operand<TFloat32> uniform(Shape shape, double limit) {
        Operand<TFloat32> u = tf.random.statelessRandomUniform(tf.constant(shape), tf.constant(new long[]{runSeed, next++}));
        // u is in [0, 1): map to [-limit, limit)
        return tf.math.mul(tf.math.sub(u, tf.constant(0.5f)), tf.constant((float) (2 * limit)));
    }

    /** Glorot (Xavier) uniform for a {@code [fanIn, fanOut]} matrix: the Keras default for dense and GRU kernels. */
    public Operand<TFloat32> glorot(long fanIn, long fanOut) {
        return uniform(Shape.of(fanIn, fanOut), Math.sqrt(6.0 / (fanIn + fanOut)));
    }

    public Operand<TFloat32> zeros(long... dims) {
        return tf.zeros(tf.constant(dims), TFloat32.class);
    }
}
