package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionrnn.spec.Optimizer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** The options of {@link SoftmaxBlock.Options} and {@link TrainingOptions}: each one checked against a hand-worked case. */
class SoftmaxOptionsTest {
    private static final int ITEMS = 30;

    /** Gradients (3, 4) and (12) have global norm 13: clipped at 6.5 they halve, at 20 they stay. */
    @Test
    void clippingScalesAllGradientsByTheGlobalNorm() {
        assertArrayEquals(new float[]{1.5f, 2f, 6f}, clipped(6.5f), 1e-6f);
        assertArrayEquals(new float[]{3f, 4f, 12f}, clipped(20f), 1e-6f);
    }

    private static float[] clipped(float maxNorm) {
        try (Graph g = new Graph(); Session s = new Session(g)) {
            Ops tf = Ops.create(g);
            Output<?>[] grads = {tf.constant(new float[]{3f, 4f}).asOutput(),
                    tf.constant(new float[][]{{12f}}).asOutput()};
            Output<?>[] out = GradientClipping.clip(tf, grads, maxNorm);
            try (Result r = s.runner().fetch(out[0]).fetch(out[1]).run()) {
                TFloat32 a = (TFloat32) r.get(0);
                TFloat32 b = (TFloat32) r.get(1);
                return new float[]{a.getFloat(0), a.getFloat(1), b.getFloat(0, 0)};
            }
        }
    }

    /**
     * loss = sum(c * x^2 / 2), gradient c * x; two steps by hand: acc += g^2, mom = mu * mom - lr g / sqrt(acc +
     * eps), x += mom.
     */
    @Test
    void adagradWithMomentumMatchesTwoHandComputedSteps() {
        float[] x0 = {1f, -2f};
        float[] c = {3f, 0.5f};
        float lr = 0.2f;
        float mu = 0.2f;
        try (Graph g = new Graph(); Session s = new Session(g); ReusableFeeds feeds = new ReusableFeeds(1)) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> x = tf.variable(tf.constant(x0));
            Operand<TFloat32> loss = tf.sum(tf.math.mul(tf.constant(c),
                    tf.math.mul(tf.constant(0.5f), tf.math.square(tf.identity(x)))), tf.constant(0));
            Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[]{x.asOutput()});
            AdagradOptimizer adagrad = new AdagradOptimizer(tf, List.of(x), grads, mu);
            s.initialize();
            double[] acc = new double[2];
            double[] mom = new double[2];
            double[] expected = {x0[0], x0[1]};
            for (int t = 1; t <= 2; t++) {
                adagrad.feed(s.runner(), t, lr, feeds).addTarget(adagrad.update()).run();
                for (int i = 0; i < 2; i++) {
                    double grad = c[i] * expected[i];
                    acc[i] += grad * grad;
                    mom[i] = mu * mom[i] - lr * grad / Math.sqrt(acc[i] + AdagradOptimizer.EPSILON);
                    expected[i] += mom[i];
                }
            }
            try (Result r = s.runner().fetch(x).run()) {
                TFloat32 value = (TFloat32) r.get(0);
                assertEquals(expected[0], value.getFloat(0), 1e-5);
                assertEquals(expected[1], value.getFloat(1), 1e-5);
            }
        }
    }

    /** A tied model has no embedding variable: M1 at embedding = GRU size less the {@code (items + 1) x hidden} table. */
    @Test
    void tiedEmbeddingSharesTheOutputKernel() {
        SoftmaxBlock.Options tied = new SoftmaxBlock.Options(0, true);
        TrainingOptions tiedTraining = new TrainingOptions(Optimizer.ADAM, 0, 0);
        try (NeuralModel separate = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 16, 16, 19, 1));
             NeuralModel shared = NeuralModel.build(SoftmaxBlock.parts(ITEMS, 999, 16, 19, 1, tied, tiedTraining))) {
            assertEquals(separate.parameterCount() - (ITEMS + 1) * 16L, shared.parameterCount());
            assertNull(((SoftmaxBlock) shared.block()).encoder().embedding());
        }
    }

    /** Dropout acts on training steps only: ranks equal M1's with the same weights; losses differ. */
    @Test
    void outputDropoutIsOnInTrainingOnly() {
        SoftmaxBlock.Options dropout = new SoftmaxBlock.Options(0.5, false);
        TrainingOptions dropoutTraining = new TrainingOptions(Optimizer.ADAM, 0, 0);
        try (NeuralModel plain = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 8, 16, 19, 3));
             NeuralModel dropped = NeuralModel.build(SoftmaxBlock.parts(ITEMS, 8, 16, 19, 3, dropout, dropoutTraining))) {
            Batch batch = batch();
            int[] s1 = new int[batch.size()];
            int[] c1 = new int[batch.size()];
            int[] s2 = new int[batch.size()];
            int[] c2 = new int[batch.size()];
            plain.rank(batch, s1, c1);
            dropped.rank(batch, s2, c2);
            assertArrayEquals(s1, s2);
            assertArrayEquals(c1, c2);
            assertNotEquals(plain.trainStep(batch, 0f), dropped.trainStep(batch, 0f));
        }
    }

    private static Batch batch() {
        Batch b = new Batch(8, 19, ITEMS);
        for (int r = 0; r < 8; r++) {
            b.add(new int[]{r, r + 1, r + 2}, 3, r + 3);
        }
        return b;
    }
}
