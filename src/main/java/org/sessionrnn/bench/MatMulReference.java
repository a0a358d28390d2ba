package org.sessionrnn.bench;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The machine's reference speed: a large square float32 MatMul in TensorFlow, the kind of product that
 * dominates the models, run as a target (no result copied out). Rate: FLOP/s with 2 n^3 FLOPs per product.
 */
final class MatMulReference {
    private MatMulReference() {
    }

    static Samples flops(int n, int repeats) {
        try (Graph g = new Graph(); Session session = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> a = tf.variable(random(tf, n, 1));
            Variable<TFloat32> b = tf.variable(random(tf, n, 2));
            Op product = tf.linalg.matMul(a, b);
            session.initialize();
            double flops = 2.0 * n * n * n;
            return Stopwatch.rates(2, repeats, () -> {
                session.runner().addTarget(product).run();
                return flops;
            });
        }
    }

    private static org.tensorflow.Operand<TFloat32> random(Ops tf, int n, long seed) {
        return tf.random.statelessRandomUniform(tf.constant(Shape.of(n, n)), tf.constant(new long[]{seed, 0}));
    }
}
