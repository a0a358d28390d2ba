package org.sessionrnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SoftmaxBlock}'s repeat term ({@link SoftmaxBlock.Options#repeatWindow}): gradients written out as
 * TensorFlow derives them, for the full and the sampled softmax, a copy rule that the term learns and the plain
 * block does not, and the sampled softmax's own recent-click columns at work.
 */
class RepeatScoresTest {
    private static final int ITEMS = 40;
    private static final int STEPS = 6;

    /**
     * The written-out gradients (the repeat weights' included) follow the loss curve of TensorFlow's own, full
     * softmax: a window shorter and one as long as the input, plain and cosine scores. The rows' labels sit at
     * several positions of their inputs, and an item occurs twice in some inputs.
     */
    @Test
    void writtenGradientsMatchTensorFlowsOwn() {
        for (SoftmaxBlock.Options o : List.of(new SoftmaxBlock.Options(0, true, 12, 3),
                new SoftmaxBlock.Options(0.5, false, 0, STEPS))) {
            BlockMaker written = SoftmaxBlock.maker(ITEMS, 8, 16, o);
            BlockMaker derived = (tf, params) -> new DerivedGradients(written.make(tf, params));
            try (NeuralModel a = NeuralModel.build(new ModelParts(ITEMS, STEPS, 5, written, SoftmaxLoss::new,
                    TrainingOptions.ADAM));
                 NeuralModel b = NeuralModel.build(new ModelParts(ITEMS, STEPS, 5, derived, SoftmaxLoss::new,
                         TrainingOptions.ADAM))) {
                assertCurvesAgree(a, b, o);
            }
        }
    }

    /**
     * The same for the sampled softmax, whose candidates repeat, include the rows' own labels and items of their
     * inputs, beside each row's own recent clicks (the padding among them).
     */
    @Test
    void sampledWrittenGradientsMatchTensorFlowsOwn() {
        int[] counts = new int[ITEMS];
        java.util.Arrays.fill(counts, 3);
        SoftmaxBlock.Options o = new SoftmaxBlock.Options(0, true, 8, STEPS);
        BlockMaker block = SoftmaxBlock.maker(ITEMS, 8, 16, o);
        try (NeuralModel a = NeuralModel.build(new ModelParts(ITEMS, STEPS, 5, block,
                () -> new SampledSoftmaxLoss(new NegativeSampler(counts, 20, 9)), TrainingOptions.ADAM));
             NeuralModel b = NeuralModel.build(new ModelParts(ITEMS, STEPS, 5, block,
                     () -> new SampledSoftmaxLoss(new NegativeSampler(counts, 20, 9), true), TrainingOptions.ADAM))) {
            assertCurvesAgree(a, b, o);
        }
    }

    /**
     * Sessions of random items out of 300, each followed by the item three clicks back: only copying predicts
     * it. With a window of 5 the model ranks it first for nearly every row, and the weight of the third position is
     * the largest; the same block without the term, trained as long, does not come close.
     */
    @Test
    void learnsToCopyTheItemThreeClicksBack() {
        int items = 300;
        double withTerm = copyAccuracy(items, new SoftmaxBlock.Options(0, true, 16, 5), true);
        double without = copyAccuracy(items, new SoftmaxBlock.Options(0, true, 16, 0), false);
        assertTrue(withTerm >= 0.9, "rows ranked first with the repeat term: " + withTerm);
        assertTrue(without <= 0.5, "rows ranked first without it: " + without);
    }

    /**
     * Sessions of random items out of 3,000 whose label is never one of their clicks: trained with a sampled softmax
     * of 4 negatives, the repeat weights must learn to lower the session's items (to about -1.25 here), as the
     * full softmax would. Left to meet them only when drawn or another row's label, the softmax hardly sees those
     * items and the weights stay above -0.75.
     */
    @Test
    void sampledTrainingLearnsThatTheSessionsItemsAreNotNext() {
        int items = 3000;
        int[] counts = new int[items];
        java.util.Arrays.fill(counts, 5);
        try (NeuralModel m = NeuralModel.build(new ModelParts(items, STEPS, 4,
                SoftmaxBlock.maker(items, 16, 16, new SoftmaxBlock.Options(0, true, 16, 3)),
                () -> new SampledSoftmaxLoss(new NegativeSampler(counts, 4, 2)), TrainingOptions.ADAM))) {
            for (int step = 0; step < 40; step++) {
                m.trainStep(freshLabelBatch(items, step), 0.05f);
            }
            List<org.tensorflow.op.core.Variable<org.tensorflow.types.TFloat32>> vars = m.block().variables();
            float[] w = m.read(vars.get(vars.size() - 1));
            double mean = (w[0] + w[1] + w[2]) / 3.0;
            assertTrue(mean < -0.95, "repeat weights " + java.util.Arrays.toString(w));
        }
    }

    /** 64 rows of 3 to 6 distinct random items, each labelled with an item not among them. */
    private static Batch freshLabelBatch(int items, int seed) {
        Random random = new Random(seed);
        Batch b = new Batch(64, STEPS, items);
        for (int r = 0; r < 64; r++) {
            int length = 3 + random.nextInt(STEPS - 2);
            int[] drawn = random.ints(0, items).distinct().limit(length + 1).toArray();
            b.add(java.util.Arrays.copyOf(drawn, length), length, drawn[length]);
        }
        return b;
    }

    private static double copyAccuracy(int items, SoftmaxBlock.Options o, boolean checkWeights) {
        try (NeuralModel m = NeuralModel.build(new ModelParts(items, STEPS, 4,
                SoftmaxBlock.maker(items, 16, 16, o), SoftmaxLoss::new, TrainingOptions.ADAM))) {
            for (int step = 0; step < 150; step++) {
                m.trainStep(copyBatch(items, step), 0.05f);
            }
            if (checkWeights) {
                List<org.tensorflow.op.core.Variable<org.tensorflow.types.TFloat32>> vars = m.block().variables();
                float[] w = m.read(vars.get(vars.size() - 1));
                for (int p = 0; p < w.length; p++) {
                    assertTrue(p == 2 || w[p] < w[2], "weight of position 3 is the largest: "
                            + java.util.Arrays.toString(w));
                }
            }
            Batch test = copyBatch(items, 10_000);
            int[] standard = new int[test.size()];
            int[] conservative = new int[test.size()];
            m.rank(test, standard, conservative);
            return java.util.Arrays.stream(conservative).filter(r -> r == 1).count() / (double) test.size();
        }
    }

    /** 64 rows of 3 to 6 distinct random items; the label is the third most recent click. */
    private static Batch copyBatch(int items, int seed) {
        Random random = new Random(seed);
        Batch b = new Batch(64, STEPS, items);
        for (int r = 0; r < 64; r++) {
            int length = 3 + random.nextInt(STEPS - 2);
            int[] clicks = random.ints(0, items).distinct().limit(length).toArray();
            b.add(clicks, length, clicks[length - 3]);
        }
        return b;
    }

    private static void assertCurvesAgree(NeuralModel a, NeuralModel b, SoftmaxBlock.Options o) {
        Batch batch = batch();
        for (int step = 0; step < 10; step++) {
            double la = a.trainStep(batch, 0.05f);
            double lb = b.trainStep(batch, 0.05f);
            assertEquals(lb, la, 1e-4 * Math.abs(lb), o + " step " + step);
        }
        List<org.tensorflow.op.core.Variable<org.tensorflow.types.TFloat32>> vars = a.block().variables();
        float[] w = a.read(vars.get(vars.size() - 1));
        assertTrue(Math.abs(w[0]) > 1e-3,
                o + " the repeat weights moved: " + java.util.Arrays.toString(w));
    }

    /** Rows whose labels are their last, second-last or an older click, or none of them. */
    private static Batch batch() {
        Batch b = new Batch(12, STEPS, ITEMS);
        for (int r = 0; r < 12; r++) {
            int[] clicks = {(r * 5) % ITEMS, (r * 7 + 1) % ITEMS, (r * 5) % ITEMS, (r * 11 + 3) % ITEMS, r + 20};
            int[] labels = {clicks[4], clicks[3], clicks[0], (r * 13 + 2) % ITEMS};
            b.add(clicks, 5, labels[r % 4]);
        }
        return b;
    }
}
