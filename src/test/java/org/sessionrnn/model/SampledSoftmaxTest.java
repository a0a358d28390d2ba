package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sampled softmax ({@link SampledSoftmaxLoss}, {@link NegativeSampler}): written-out gradients equal to the
 * ones TensorFlow derives, negatives drawn by popularity^0.75 and reproducibly per step, and a model trained with
 * it that learns a planted next-item rule ranked over the whole catalogue.
 */
class SampledSoftmaxTest {
    private static final int ITEMS = 60;
    private static final int STEPS = 6;

    /**
     * The same block and sampled loss trained side by side, once with the block's written-out gradients and once
     * with TensorFlow's own: the loss curves must agree (plain and scaled-cosine scores, tied or not, with
     * dropout). Candidates drawn twice and rows sharing a label occur in every step here.
     */
    @Test
    void writtenGradientsMatchTensorFlowsOwn() {
        int[] counts = skewedCounts();
        for (SoftmaxBlock.Options o : List.of(new SoftmaxBlock.Options(0, false), new SoftmaxBlock.Options(0.5, true),
                new SoftmaxBlock.Options(0, true, 8))) {
            BlockMaker block = SoftmaxBlock.maker(ITEMS, 8, 16, o);
            try (NeuralModel a = NeuralModel.build(new ModelParts(ITEMS, STEPS, 5, block,
                    () -> new SampledSoftmaxLoss(new NegativeSampler(counts, 24, 9)), TrainingOptions.ADAM));
                 NeuralModel b = NeuralModel.build(new ModelParts(ITEMS, STEPS, 5, block,
                         () -> new SampledSoftmaxLoss(new NegativeSampler(counts, 24, 9), true), TrainingOptions.ADAM))) {
                Batch batch = batch(16, 0);
                for (int step = 0; step < 10; step++) {
                    double la = a.trainStep(batch, 0.02f);
                    double lb = b.trainStep(batch, 0.02f);
                    assertEquals(lb, la, 1e-4 * Math.abs(lb), o + " step " + step);
                }
            }
        }
    }

    /** Draws follow (count + 1)^0.75, depend on the step, and repeat exactly for the same (seed, step). */
    @Test
    void negativesFollowSmoothedPopularity() {
        int[] counts = new int[4];
        counts[0] = 80;
        counts[3] = 15;
        NegativeSampler sampler = new NegativeSampler(counts, 4000, 3);
        int[] a = new int[4000];
        int[] seen = new int[4];
        for (int step = 1; step <= 25; step++) {
            sampler.draw(step, a);
            for (int item : a) {
                seen[item]++;
            }
        }
        double[] w = {Math.pow(81, 0.75), 1, 1, Math.pow(16, 0.75)};
        double total = w[0] + w[1] + w[2] + w[3];
        for (int i = 0; i < 4; i++) {
            assertEquals(w[i] / total, seen[i] / 100_000.0, 0.01, "item " + i);
        }
        int[] b = new int[4000];
        sampler.draw(7, a);
        sampler.draw(7, b);
        assertArrayEquals(a, b);
        sampler.draw(8, b);
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        // expected count of a candidate: 10 rows * 80/95 from the labels + 4000 * its draw probability
        assertEquals(Math.log(10 * 80 / 95.0 + 4000 * w[0] / total), sampler.logExpectedCount(0, 10), 1e-5);
    }

    /**
     * Item {@code i} is always followed by item {@code (i + 1) mod 60}: trained with 12 sampled negatives a step
     * (a fifth of the catalogue), the model must rank the rule's next item first among all 60 for nearly every row.
     */
    @Test
    void learnsAPlantedRuleRankedOverAllItems() {
        int[] counts = new int[ITEMS];
        java.util.Arrays.fill(counts, 10);
        try (NeuralModel m = NeuralModel.build(new ModelParts(ITEMS, STEPS, 3,
                SoftmaxBlock.maker(ITEMS, 16, 32, new SoftmaxBlock.Options(0, true, 8)),
                () -> new SampledSoftmaxLoss(new NegativeSampler(counts, 12, 4)), TrainingOptions.ADAM))) {
            for (int step = 0; step < 300; step++) {
                m.trainStep(batch(32, step), 0.02f);
            }
            Batch test = batch(32, 1000);
            int[] standard = new int[32];
            int[] conservative = new int[32];
            m.rank(test, standard, conservative);
            long first = java.util.Arrays.stream(standard).filter(r -> r == 1).count();
            assertTrue(first >= 30, "rows ranked first: " + first + " of 32");
        }
    }

    /** Rows ending in item {@code i} with label {@code i + 1}; offset varies the rows. */
    private static Batch batch(int rows, int offset) {
        Batch b = new Batch(rows, STEPS, ITEMS);
        for (int r = 0; r < rows; r++) {
            int last = (r * 7 + offset * 13) % ITEMS;
            int length = 1 + (r + offset) % 4;
            int[] clicks = new int[length];
            for (int k = 0; k < length; k++) {
                clicks[k] = Math.floorMod(last - (length - 1 - k), ITEMS);
            }
            b.add(clicks, length, (last + 1) % ITEMS);
        }
        return b;
    }

    private static int[] skewedCounts() {
        int[] counts = new int[ITEMS];
        for (int i = 0; i < ITEMS; i++) {
            counts[i] = i < 5 ? 200 : i % 3;
        }
        return counts;
    }
}
