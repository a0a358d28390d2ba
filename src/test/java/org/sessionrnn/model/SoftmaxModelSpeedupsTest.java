package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The speed changes keep M1's numbers: the Softmax-based loss and reusable input tensors. */
class SoftmaxModelSpeedupsTest {
    private static final int ITEMS = 300;
    private static final int STEPS = 19;

    /** M1 as first written: the sparse cross-entropy op's loss and backprop, divided by the batch size. */
    static final class ReferenceModel extends SoftmaxModel {
        ReferenceModel(long seed) {
            super(ITEMS, 8, 16, STEPS, seed);
            buildTraining();
        }

        @Override
        protected LossAndGradient buildLoss() {
            SparseSoftmaxCrossEntropyWithLogits<TFloat32> ce = tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, labels);
            Operand<TFloat32> batchSize = tf.dtypes.cast(tf.size(labels), TFloat32.class);
            Operand<TFloat32> mean = tf.math.div(tf.sum(ce.loss(), tf.constant(0)), batchSize);
            return new LossAndGradient(mean, logits, tf.math.div(ce.backprop(), batchSize));
        }
    }

    private static Batch randomBatch(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Batch batch = new Batch(rows, STEPS, ITEMS);
        int[] clicks = new int[STEPS];
        for (int r = 0; r < rows; r++) {
            int length = 1 + random.nextInt(STEPS);
            for (int t = 0; t < length; t++) {
                clicks[t] = random.nextInt(ITEMS);
            }
            batch.add(clicks, length, random.nextInt(ITEMS));
        }
        return batch;
    }

    @Test
    void softmaxLossTrainsLikeTheSparseCrossEntropyOp() {
        // batch 64 (a power of two) and 37 (not): dividing after the products is exact only for the former
        Batch[] batches = {randomBatch(64, 1), randomBatch(64, 2), randomBatch(37, 3), randomBatch(64, 4)};
        try (SoftmaxModel fast = SoftmaxModel.create(ITEMS, 8, 16, STEPS, 5); SoftmaxModel ref = new ReferenceModel(5)) {
            for (int step = 0; step < 12; step++) {
                Batch b = batches[step % batches.length];
                double expected = ref.trainStep(b, 0.01f);
                assertEquals(expected, fast.trainStep(b, 0.01f), 1e-5 * Math.abs(expected), "loss of step " + step);
            }
            float[] expectedKernel = ref.read(ref.outputKernel);
            float[] kernel = fast.read(fast.outputKernel);
            for (int i = 0; i < kernel.length; i++) {
                assertEquals(expectedKernel[i], kernel[i], 1e-5, "output kernel " + i);
            }
        }
    }

    @Test
    void reusedInputTensorsRankLikeFreshOnes() {
        Batch full = randomBatch(64, 7);
        Batch partial = randomBatch(20, 8);
        try (SoftmaxModel model = SoftmaxModel.create(ITEMS, 8, 16, STEPS, 9)) {
            model.trainStep(full, 0.01f);
            for (Batch b : new Batch[]{full, partial, full, partial}) {
                int[] standard = new int[b.size()];
                int[] conservative = new int[b.size()];
                model.rank(b, standard, conservative);
                int[][] fresh = freshRanks(model, b);
                assertArrayEquals(fresh[0], standard);
                assertArrayEquals(fresh[1], conservative);
            }
        }
    }

    @Test
    void chunkedCountsRankLikeCountingInJavaWithTies() {
        int items = 600; // three chunks of 255, the last one padded
        Batch batch = new Batch(40, STEPS, items);
        SplittableRandom random = new SplittableRandom(3);
        int[] clicks = new int[STEPS];
        for (int r = 0; r < 40; r++) {
            int length = 1 + random.nextInt(STEPS);
            for (int t = 0; t < length; t++) {
                clicks[t] = random.nextInt(items);
            }
            batch.add(clicks, length, random.nextInt(items));
        }
        try (SoftmaxModel model = SoftmaxModel.create(items, 8, 16, STEPS, 4)) {
            forceTies(model, items);
            float[] logits = new float[40 * items];
            try (TInt32 in = TensorFeeds.ints(batch.inputs(), 40, STEPS);
                 Result r = model.session.runner().feed(model.inputs, in).fetch(model.logits).run()) {
                TensorFeeds.read(r.get(0), logits);
            }
            int[] standard = new int[40];
            int[] conservative = new int[40];
            model.rank(batch, standard, conservative);
            boolean sawTies = false;
            for (int r = 0; r < 40; r++) {
                int label = batch.label(r);
                assertEquals(org.sessionrnn.eval.Ranks.standard(logits, r * items, items, label), standard[r]);
                assertEquals(org.sessionrnn.eval.Ranks.conservative(logits, r * items, items, label), conservative[r]);
                sawTies |= conservative[r] > standard[r];
            }
            org.junit.jupiter.api.Assertions.assertTrue(sawTies, "the test needs tied scores");
        }
    }

    /** Only 7 distinct output columns and a zero bias: every item ties with about 85 others. */
    private static void forceTies(SoftmaxModel model, int items) {
        float[][] kernel = new float[16][items];
        for (int h = 0; h < 16; h++) {
            for (int j = 0; j < items; j++) {
                kernel[h][j] = ((h * 31 + j % 7) % 11 - 5) / 10f;
            }
        }
        model.session.runner().addTarget(model.tf.assign(model.outputKernel, model.tf.constant(kernel))).run();
    }

    private static int[][] freshRanks(SoftmaxModel model, Batch b) {
        int[][] ranks = new int[2][b.size()];
        try (TInt32 in = TensorFeeds.ints(b.inputs(), b.size(), STEPS); TInt32 lab = TensorFeeds.ints(b.labels(), b.size());
             Result r = model.rankRunner(in, lab).run()) {
            TensorFeeds.read(r.get(0), ranks[0]);
            TensorFeeds.read(r.get(1), ranks[1]);
        }
        return ranks;
    }
}
