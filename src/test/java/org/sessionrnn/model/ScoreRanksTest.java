package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * {@link ScoreRanks} counts exactly what TensorFlow's {@code Greater} and {@code GreaterEqual} count on the same
 * scores: ties, both zeros, subnormals (which TensorFlow's kernels read as zero), infinities, the extreme finite
 * values whose keys are far apart, and rows holding a NaN.
 */
class ScoreRanksTest {
    private static final int ITEMS = 1000;
    private static final int ROWS = 64;

    @Test
    void countsWhatTensorFlowsComparisonsCount() {
        SplittableRandom random = new SplittableRandom(5);
        float[] scores = new float[ROWS * ITEMS];
        float[] specials = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-40f, -3e-39f, Float.MIN_NORMAL,
            -Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        int[] labels = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            for (int i = 0; i < ITEMS; i++) {
                // few distinct values: many ties
                scores[r * ITEMS + i] = random.nextInt(4) == 0 ? specials[random.nextInt(specials.length)]
                        : (random.nextInt(41) - 20) / 8f * (float) Math.pow(10, random.nextInt(7) - 3);
            }
            labels[r] = random.nextInt(ITEMS);
            if (r < specials.length) {
                scores[r * ITEMS + labels[r]] = specials[r];
            }
        }
        scores[40 * ITEMS + 7] = Float.NaN;
        scores[41 * ITEMS + labels[41]] = Float.NaN;
        scores[42 * ITEMS + 3] = Float.intBitsToFloat(0xffc0_0001);

        int[] standard = new int[ROWS];
        int[] conservative = new int[ROWS];
        try (TFloat32 tensor = TFloat32.tensorOf(Shape.of(ROWS, ITEMS), DataBuffers.of(scores, true, false))) {
            new ScoreRanks(ITEMS).rank(tensor, labels, ROWS, standard, conservative);
            int[][] expected = tensorFlowRanks(tensor, labels);
            assertArrayEquals(expected[0], standard);
            assertArrayEquals(expected[1], conservative);
        }
        int tied = 0;
        for (int r = 0; r < ROWS; r++) {
            tied += conservative[r] > standard[r] ? 1 : 0;
        }
        assertTrue(tied > ROWS / 2, "the test needs ties");
        assertEquals(1, standard[41], "a NaN target: nothing compares higher");
        assertEquals(0, conservative[41], "a NaN target: nothing, itself included, compares at least as high");
    }

    @Test
    void countsOnlyTheFirstRowsAndLeavesTheRestAlone() {
        float[] scores = {3f, 1f, 2f, 2f, 9f, 9f, 9f, 9f};
        int[] standard = {-1, -1};
        int[] conservative = {-1, -1};
        try (TFloat32 tensor = TFloat32.tensorOf(Shape.of(2, 4), DataBuffers.of(scores, true, false))) {
            new ScoreRanks(4).rank(tensor, new int[]{2, 0}, 1, standard, conservative);
        }
        assertArrayEquals(new int[]{2, -1}, standard);
        assertArrayEquals(new int[]{3, -1}, conservative);
    }

    /** The graph's former ranking head, as the oracle: 1 + count(score > target), count(score >= target). */
    private static int[][] tensorFlowRanks(TFloat32 scores, int[] labels) {
        try (Graph graph = new Graph(); Session session = new Session(graph);
             TInt32 labelTensor = TInt32.vectorOf(labels)) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> s = tf.placeholder(TFloat32.class);
            Placeholder<TInt32> l = tf.placeholder(TInt32.class);
            Operand<TFloat32> target = tf.gather(s, tf.expandDims(l, tf.constant(1)), tf.constant(1),
                    Gather.batchDims(1L));
            Operand<TInt32> higher = count(tf, tf.math.greater(s, target));
            Operand<TInt32> atLeast = count(tf, tf.math.greaterEqual(s, target));
            try (Result r = session.runner().feed(s, scores).feed(l, labelTensor).fetch(higher).fetch(atLeast).run()) {
                int[][] out = new int[2][labels.length];
                for (int i = 0; i < labels.length; i++) {
                    out[0][i] = ((TInt32) r.get(0)).getInt(i) + 1;
                    out[1][i] = ((TInt32) r.get(1)).getInt(i);
                }
                return out;
            }
        }
    }

    private static Operand<TInt32> count(Ops tf, Operand<TBool> mask) {
        return tf.sum(tf.dtypes.cast(mask, TInt32.class), tf.constant(1));
    }
}
