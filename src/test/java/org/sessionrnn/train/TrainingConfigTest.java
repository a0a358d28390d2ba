package org.sessionrnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {
    /** lr 0.01, warm-up 100 steps, decay 0.5 per epoch: worked by hand. */
    @Test
    void scheduleGivesTheHandComputedRates() {
        TrainingConfig c = new TrainingConfig(32, 0.01f, 10, 2, 0, 19, 20, 1, 100, 0.5);
        assertEquals(0.0001f, c.learningRateAt(1, 1), 1e-9f);
        assertEquals(0.005f, c.learningRateAt(50, 1), 1e-9f);
        assertEquals(0.01f, c.learningRateAt(100, 1), 1e-9f);
        assertEquals(0.005f, c.learningRateAt(150, 2), 1e-9f);
        assertEquals(0.00125f, c.learningRateAt(400, 4), 1e-9f);
        // warm-up and decay together: step 50 of an (unusually short) epoch 2
        assertEquals(0.0025f, c.learningRateAt(50, 2), 1e-9f);
    }

    @Test
    void withoutScheduleTheRateIsConstant() {
        TrainingConfig c = new TrainingConfig(32, 0.01f, 10, 2, 0, 19, 20, 1);
        assertEquals(0.01f, c.learningRateAt(1, 1));
        assertEquals(0.01f, c.learningRateAt(10_000, 9));
    }
}
