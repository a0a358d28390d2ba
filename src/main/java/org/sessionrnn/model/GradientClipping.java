package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Clipping by global norm (Pascanu, Mikolov and Bengio 2013; TensorFlow's {@code clip_by_global_norm}): all
 * gradients are multiplied by {@code maxNorm / max(norm, maxNorm)}, where {@code norm} is the L2 norm of all of
 * them together, so a step's direction is kept and its length bounded.
 */
final class GradientClipping {
    private GradientClipping() {
    }

    /** The clipped gradients, same order; {@code maxNorm > 0}. */
    static Output<?>[] clip(Ops tf, Output<?>[] gradients, float maxNorm) {
        List<Operand<TFloat32>> squares = new ArrayList<>();
        for (Output<?> g : gradients) {
            Operand<TFloat32> x = floats(g);
            squares.add(tf.reshape(tf.sum(tf.math.square(x), tf.range(tf.constant(0), tf.rank(x), tf.constant(1))),
                    tf.constant(new long[]{1})));
        }
        Operand<TFloat32> norm = globalNorm(tf, squares);
        Operand<TFloat32> limit = tf.constant(maxNorm);
        Operand<TFloat32> scale = tf.math.div(limit, tf.math.maximum(norm, limit));
        Output<?>[] clipped = new Output<?>[gradients.length];
        for (int i = 0; i < gradients.length; i++) {
            clipped[i] = tf.math.mul(floats(gradients[i]), scale).asOutput();
        }
        return clipped;
    }

    private static Operand<TFloat32> globalNorm(Ops tf, List<Operand<TFloat32>> squares) {
        return tf.math.sqrt(tf.sum(tf.concat(squares, tf.constant(0)), tf.constant(0)));
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> floats(Output<?> output) {
        return (Operand<TFloat32>) output;
    }
}
