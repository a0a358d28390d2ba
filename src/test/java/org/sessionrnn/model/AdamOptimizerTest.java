package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

class AdamOptimizerTest {
    /**
     * loss = sum(c * x^2 / 2) has gradient c * x. Two Adam steps worked by hand with bias correction
     * lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t), m = b1 m + (1-b1) g, v = b2 v + (1-b2) g^2, x -= lr_t m / (sqrt(v) + eps).
     */
    @Test
    void twoStepsMatchTheHandComputedUpdate() {
        float[] x0 = {1f, -2f};
        float[] c = {3f, 0.5f};
        float lr = 0.1f;
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> x = tf.variable(tf.constant(x0));
            Operand<TFloat32> loss = tf.sum(tf.math.mul(tf.constant(c),
                    tf.math.mul(tf.constant(0.5f), tf.math.square(tf.identity(x)))), tf.constant(0));
            Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[]{x.asOutput()});
            AdamOptimizer adam = new AdamOptimizer(tf, List.of(x), grads);
            s.initialize();
            double[] m = new double[2];
            double[] v = new double[2];
            double[] expected = {x0[0], x0[1]};
            for (int t = 1; t <= 2; t++) {
                float p1 = (float) Math.pow(AdamOptimizer.BETA1, t);
                float p2 = (float) Math.pow(AdamOptimizer.BETA2, t);
                try (TFloat32 a = TFloat32.scalarOf(p1); TFloat32 b = TFloat32.scalarOf(p2);
                     TFloat32 l = TFloat32.scalarOf(lr)) {
                    s.runner().feed(adam.beta1Power(), a).feed(adam.beta2Power(), b).feed(adam.learningRate(), l)
                            .addTarget(adam.update()).run();
                }
                double lrT = lr * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                for (int i = 0; i < 2; i++) {
                    double grad = c[i] * expected[i];
                    m[i] = 0.9 * m[i] + 0.1 * grad;
                    v[i] = 0.999 * v[i] + 0.001 * grad * grad;
                    expected[i] -= lrT * m[i] / (Math.sqrt(v[i]) + AdamOptimizer.EPSILON);
                }
            }
            try (Result r = s.runner().fetch(x).run()) {
                TFloat32 value = (TFloat32) r.get(0);
                assertEquals(expected[0], value.getFloat(0), 1e-5);
                assertEquals(expected[1], value.getFloat(1), 1e-5);
            }
        }
    }
}
