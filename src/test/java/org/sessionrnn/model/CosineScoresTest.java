package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SoftmaxBlock}'s scaled-cosine scores (m1norm): the gradients it writes out must be the ones TensorFlow
 * derives itself, and the scores must be {@code scale} times a cosine.
 */
class CosineScoresTest {
    private static final int ITEMS = 40;
    private static final TrainingOptions ADAM = TrainingOptions.ADAM;

    /**
     * Training with the written-out gradients follows the same loss curve as training the same block with
     * TensorFlow's own gradients (the block below hides its written ones), tied or not, with or without dropout.
     * A kernel gradient that skipped the normalisation's Jacobian would part the curves within a few steps.
     */
    @Test
    void writtenGradientsMatchTensorFlowsOwn() {
        for (SoftmaxBlock.Options o : List.of(new SoftmaxBlock.Options(0, true, 12),
                new SoftmaxBlock.Options(0.5, true, 16), new SoftmaxBlock.Options(0, false, 8))) {
            BlockMaker written = SoftmaxBlock.maker(ITEMS, 8, 16, o);
            BlockMaker derived = (tf, params) -> new DerivedGradients(written.make(tf, params));
            try (NeuralModel a = NeuralModel.build(new ModelParts(ITEMS, 6, 5, written, SoftmaxLoss::new, ADAM));
                 NeuralModel b = NeuralModel.build(new ModelParts(ITEMS, 6, 5, derived, SoftmaxLoss::new, ADAM))) {
                Batch batch = batch();
                for (int step = 0; step < 8; step++) {
                    double la = a.trainStep(batch, 0.02f);
                    double lb = b.trainStep(batch, 0.02f);
                    assertEquals(lb, la, 1e-4 * Math.abs(lb), o + " step " + step);
                }
                assertTrue(a.loss(batch) < Math.log(ITEMS) - 0.5, o + " learns: " + a.loss(batch));
            }
        }
    }

    /** With a scale, no score exceeds it in size: each is {@code scale} times a cosine, plus a bias of 0 at start. */
    @Test
    void scaledScoresAreBoundedByTheScale() {
        SoftmaxBlock.Options o = new SoftmaxBlock.Options(0, true, 3);
        try (NeuralModel m = NeuralModel.build(new ModelParts(ITEMS, 6, 2,
                SoftmaxBlock.maker(ITEMS, 8, 16, o), SoftmaxLoss::new, ADAM))) {
            float[] scores = m.scores(batch());
            float max = 0;
            for (float s : scores) {
                max = Math.max(max, Math.abs(s));
            }
            assertTrue(max <= 3.0001f && max > 0.1f, "largest score " + max);
        }
    }

    private static Batch batch() {
        Batch b = new Batch(8, 6, ITEMS);
        for (int r = 0; r < 8; r++) {
            b.add(new int[]{r, r + 1, (r * 7) % ITEMS, r + 2}, 4, (r * 3 + 1) % ITEMS);
        }
        return b;
    }
}
