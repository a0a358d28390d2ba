package org.sessionrnn.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The softmax an ensemble averages: stable for logits far beyond exp's range, and a distribution. */
class ProbabilityAverageTest {
    @Test
    void softmaxOfHugeLogitsIsFiniteAndSumsToOne() {
        float[] scores = {7f, 1000f, 999f, -1000f, 1000f};
        double[] p = new double[4];
        ProbabilityAverage.softmax(scores, 1, 4, p);
        double e = Math.exp(-1);
        assertEquals(1 / (1 + e + 1), p[0], 1e-15);
        assertEquals(e / (1 + e + 1), p[1], 1e-15);
        assertEquals(0, p[2], 0);
        assertEquals(p[0], p[3], 0);
        double sum = 0;
        for (double v : p) {
            assertTrue(Double.isFinite(v));
            sum += v;
        }
        assertEquals(1, sum, 1e-15);
    }

    @Test
    void doubleRanksCountBothTieModes() {
        double[] scores = {0.1, 0.3, 0.3, 0.2, 0.3};
        assertEquals(1, Ranks.standard(scores, 0, 5, 2));
        assertEquals(3, Ranks.conservative(scores, 0, 5, 2));
        assertEquals(4, Ranks.standard(scores, 0, 5, 3));
        assertEquals(4, Ranks.conservative(scores, 0, 5, 3));
        assertEquals(3, Ranks.standard(scores, 1, 3, 2)); // offset 1: {0.3, 0.3, 0.2}, target 0.2
    }
}
