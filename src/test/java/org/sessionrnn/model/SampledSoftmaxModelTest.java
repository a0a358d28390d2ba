package org.sessionrnn.model;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The optional sampled softmax (not the paper's model) learns, and ranks with the full output layer. */
@Tag("slow")
class SampledSoftmaxModelTest {
    private static final int ITEMS = 400;
    private static final int STEPS = 19;

    @Test
    void learnsAFixedBatchWithFewSamples() {
        SplittableRandom random = new SplittableRandom(1);
        Batch batch = new Batch(64, STEPS, ITEMS);
        int[] clicks = new int[STEPS];
        for (int r = 0; r < 64; r++) {
            int length = 1 + random.nextInt(5);
            for (int t = 0; t < length; t++) {
                clicks[t] = random.nextInt(ITEMS);
            }
            batch.add(clicks, length, (clicks[length - 1] * 7 + 3) % ITEMS); // label: a function of the last click
        }
        double[] popularity = new double[ITEMS];
        Arrays.fill(popularity, 1);
        try (SampledSoftmaxModel model = SampledSoftmaxModel.create(ITEMS, 8, 32, STEPS, 2, 20, popularity)) {
            double meanRankBefore = meanRank(model, batch);
            double first = model.trainStep(batch, 0.02f);
            double last = first;
            for (int step = 0; step < 150; step++) {
                last = model.trainStep(batch, 0.02f);
            }
            assertTrue(last < first / 2, "sampled loss " + first + " -> " + last);
            double meanRankAfter = meanRank(model, batch);
            assertTrue(meanRankAfter < meanRankBefore / 4, "full-catalogue mean rank " + meanRankBefore + " -> "
                    + meanRankAfter);
        }
    }

    @Test
    void rejectsAPopularityOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class,
                () -> SampledSoftmaxModel.create(ITEMS, 8, 8, STEPS, 1, 10, new double[ITEMS - 1]));
    }

    private static double meanRank(SoftmaxModel model, Batch batch) {
        int[] standard = new int[batch.size()];
        model.rank(batch, standard, new int[batch.size()]);
        return Arrays.stream(standard).average().orElseThrow();
    }
}
