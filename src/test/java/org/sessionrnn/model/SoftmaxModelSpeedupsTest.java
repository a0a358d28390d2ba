package org.sessionrnn.model;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.sessionrnn.eval.Ranks;
import org.junit.jupiter.api.Test;

/**
 * The speed changes keep M1's numbers: the packed GRU, the Softmax-based loss with the output layer's gradients
 * written out, and rank counting from the scores ({@link ScoreRanks}) give what the straightforward graph gives.
 */
@Tag("slow")
@Tag("floats")
class SoftmaxModelSpeedupsTest {
    private static final int ITEMS = 300;
    private static final int STEPS = 19;
    /** Absolute, on logits of order 1 computed by two graphs whose weights agree to 1e-5 after training. */
    private static final float LOGIT_TOLERANCE = 1e-3f;

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
    void trainsAndRanksLikeTheStraightforwardGraph() {
        // batch 64 (a power of two) and 37 (not): dividing after the products is exact only for the former;
        // row lengths 0..19, so rows without clicks, rows of every length and full rows are all packed
        Batch[] batches = {randomBatch(64, 1), randomBatch(64, 2), randomBatch(37, 3), randomBatch(64, 4)};
        try (NeuralModel fast = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 8, 16, STEPS, 5));
             StraightforwardM1 ref = new StraightforwardM1(ITEMS, 8, 16, STEPS, 5)) {
            for (int step = 0; step < 12; step++) {
                Batch b = batches[step % batches.length];
                double expected = ref.trainStep(b, 0.01f);
                assertEquals(expected, fast.trainStep(b, 0.01f), 1e-5 * Math.abs(expected), "loss of step " + step);
            }
            List<float[]> expected = ref.variables();
            List<float[]> actual = new java.util.ArrayList<>(SoftmaxWeights.of(fast).values());
            for (int v = 0; v < expected.size(); v++) {
                for (int i = 0; i < expected.get(v).length; i++) {
                    assertEquals(expected.get(v)[i], actual.get(v)[i], 1e-5, "variable " + v + " entry " + i);
                }
            }
            for (Batch b : new Batch[]{batches[0], batches[2]}) {
                float[] logits = ref.logits(b);
                int[] standard = new int[b.size()];
                int[] conservative = new int[b.size()];
                fast.rank(b, standard, conservative);
                // two graphs and weights equal to rounding: an item near-tied with the target may rank either side
                for (int r = 0; r < b.size(); r++) {
                    int[] band = rankBand(logits, r * ITEMS, b.label(r));
                    assertTrue(band[0] <= standard[r] && standard[r] <= band[1], "row " + r + ": standard rank "
                            + standard[r] + " outside " + band[0] + ".." + band[1]);
                    assertTrue(band[0] <= conservative[r] && conservative[r] <= band[1], "row " + r
                            + ": conservative rank " + conservative[r] + " outside " + band[0] + ".." + band[1]);
                    assertTrue(standard[r] <= conservative[r], "row " + r);
                }
            }
        }
    }

    /**
     * The ranks the target of a row can have when every logit may be off by {@link #LOGIT_TOLERANCE}: 1 + the
     * items certainly above it, to 1 + the items possibly at or above it.
     */
    private static int[] rankBand(float[] logits, int from, int label) {
        float target = logits[from + label];
        int above = 0;
        int possibly = 0;
        for (int j = 0; j < ITEMS; j++) {
            if (j != label) {
                above += logits[from + j] > target + LOGIT_TOLERANCE ? 1 : 0;
                possibly += logits[from + j] >= target - LOGIT_TOLERANCE ? 1 : 0;
            }
        }
        return new int[]{1 + above, 1 + possibly};
    }

    /** Same graph, same batch, same logits fetched: the ranks are exact, ties included. */
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
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.m1(items, 8, 16, STEPS, 4))) {
            forceTies(model, items);
            float[] logits = new float[40 * items];
            System.arraycopy(model.scores(batch), 0, logits, 0, logits.length);
            int[] standard = new int[40];
            int[] conservative = new int[40];
            model.rank(batch, standard, conservative);
            boolean sawTies = false;
            for (int r = 0; r < 40; r++) {
                int label = batch.label(r);
                assertEquals(Ranks.standard(logits, r * items, items, label), standard[r]);
                assertEquals(Ranks.conservative(logits, r * items, items, label), conservative[r]);
                sawTies |= conservative[r] > standard[r];
            }
            org.junit.jupiter.api.Assertions.assertTrue(sawTies, "the test needs tied scores");
        }
    }

    /** Only 7 distinct output columns and a zero bias: every item ties with about 85 others. */
    private static void forceTies(NeuralModel model, int items) {
        float[][] kernel = new float[16][items];
        for (int h = 0; h < 16; h++) {
            for (int j = 0; j < items; j++) {
                kernel[h][j] = ((h * 31 + j % 7) % 11 - 5) / 10f;
            }
        }
        float[] flat = new float[16 * items];
        for (int h = 0; h < 16; h++) {
            System.arraycopy(kernel[h], 0, flat, h * items, items);
        }
        model.assign(List.of(model.block().variables().get(5)), List.of(flat));
    }
}
