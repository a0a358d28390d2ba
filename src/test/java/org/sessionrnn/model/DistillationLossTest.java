package org.sessionrnn.model;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;

@Tag("slow")
class DistillationLossTest {
    private static final int ITEMS = 12;
    private static final int STEPS = 5;
    private static final double LAMBDA = 0.3;
    private static final double T = 2.0;

    /** Two sessions, every prefix a sequence; the last prefix of each has an empty privileged sequence. */
    private static SequenceSet sequences() {
        SessionTable table = new SessionTable(new long[]{1, 2}, new int[]{0, 5, 9},
                new int[]{3, 7, 1, 1, 9, 4, 0, 11, 2}, new long[9]);
        int[] sessions = {0, 0, 0, 0, 1, 1, 1};
        int[] labels = {1, 2, 3, 4, 6, 7, 8};
        return new SequenceSet(table, sessions, labels);
    }

    private static Batch batch(SequenceSet set) {
        Batch batch = new Batch(set.size(), STEPS, ITEMS);
        int[] clicks = new int[STEPS];
        for (int i = 0; i < set.size(); i++) {
            batch.add(clicks, set.copyInput(i, STEPS, clicks, 0), set.label(i), i);
        }
        return batch;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void lossIsTheHandComputedMixture(int topK) {
        SequenceSet set = sequences();
        Batch batch = batch(set);
        try (NeuralModel teacher = trainedTeacher(batch);
             NeuralModel student = student(teacher, set, LAMBDA, T, topK)) {
            float[] z = student.scores(batch);
            float[] t = teacherLogits(student, batch);
            double expected = 0;
            for (int r = 0; r < batch.size(); r++) {
                expected += rowLoss(row(z, r), row(t, r), batch.label(r), topK);
            }
            assertEquals(expected / batch.size(), student.loss(batch), 1e-5);
        }
    }

    /**
     * The analytic gradient, seen through Adam's first moment after one step ({@code (1 - beta1) g}): for the
     * output bias it is the batch mean of {@code (1 - lambda)(p - onehot) + lambda (softmax(z / T) - q) / T},
     * computed here from the logits before the step.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void biasGradientIsTheHandComputedMixture(int topK) {
        SequenceSet set = sequences();
        Batch batch = batch(set);
        try (NeuralModel teacher = trainedTeacher(batch);
             NeuralModel student = student(teacher, set, LAMBDA, T, topK)) {
            float[] z = student.scores(batch);
            float[] t = teacherLogits(student, batch);
            double[] expected = new double[ITEMS];
            for (int r = 0; r < batch.size(); r++) {
                double[] p = softmax(row(z, r), 1);
                double[] pT = softmax(row(z, r), T);
                double[] q = softLabels(row(t, r), topK);
                for (int j = 0; j < ITEMS; j++) {
                    double hard = p[j] - (j == batch.label(r) ? 1 : 0);
                    expected[j] += ((1 - LAMBDA) * hard + LAMBDA * (pT[j] - q[j]) / T) / batch.size();
                }
            }
            student.trainStep(batch, 0.01f);
            int bias = student.block().variables().size() - 1;
            float[] moment = student.read(((AdamOptimizer) student.optimizer()).firstMoment(bias));
            for (int j = 0; j < ITEMS; j++) {
                assertEquals(expected[j], moment[j] / (1 - AdamOptimizer.BETA1), 1e-5, "item " + j);
            }
        }
    }

    /** With lambda 0 the student is an M1: same seed, same batches, same losses and weights. */
    @Test
    void withoutTheSoftTermTheStudentTrainsLikeM1() {
        SequenceSet set = sequences();
        Batch batch = batch(set);
        try (NeuralModel teacher = trainedTeacher(batch);
             NeuralModel student = student(teacher, set, 0, T, 0);
             NeuralModel m1 = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 4, 8, STEPS, 5))) {
            for (int step = 0; step < 5; step++) {
                assertEquals(m1.trainStep(batch, 0.05f), student.trainStep(batch, 0.05f), 1e-5, "step " + step);
            }
            assertArrayEquals(m1.read(m1.block().variables().get(5)), student.read(student.block().variables().get(5)), 1e-5f);
        }
    }

    private static double[] softmax(double[] x, double temperature) {
        double[] log = logSoftmax(x, temperature);
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = Math.exp(log[j]);
        }
        return out;
    }

    @Test
    void emptyPrivilegedInputGivesTheTeachersBiasOnly() {
        SequenceSet set = sequences();
        Batch batch = batch(set);
        try (NeuralModel teacher = trainedTeacher(batch)) {
            float[] bias = teacher.read(teacher.block().variables().get(6));
            try (NeuralModel student = student(teacher, set, LAMBDA, T, 0)) {
                float[] t = teacherLogits(student, batch);
                // sequence 3 predicts session 0's last click, sequence 6 session 1's
                assertArrayEquals(row(bias, 0), row(t, 3), 1e-6);
                assertArrayEquals(row(bias, 0), row(t, 6), 1e-6);
            }
        }
    }

    /**
     * A teacher after one step: its bias is no longer all zero, so empty privileged rows have no tied logits
     * (ties would make the top-k membership arbitrary) and the bias check cannot pass by accident.
     */
    private static NeuralModel trainedTeacher(Batch batch) {
        NeuralModel teacher = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 4, 8, STEPS, 3));
        teacher.trainStep(batch, 0.1f);
        return teacher;
    }

    /** A student of {@code teacher} with the given lambda, T and top-k, reading privileged clicks from {@code set}. */
    private static NeuralModel student(NeuralModel teacher, SequenceSet set, double lambda, double t, int topK) {
        SoftmaxWeights weights = SoftmaxWeights.of(teacher);
        return NeuralModel.build(TeacherDistillation.parts(ITEMS, 4, 8, STEPS, 5, () -> weights, lambda, t, topK, set));
    }

    /** The teacher's logits for the batch's privileged sequences, computed in the student's graph. */
    private static float[] teacherLogits(NeuralModel student, Batch batch) {
        return student.fetchWithLossFeeds(((TeacherDistillation) student.loss()).teacherLogits(), batch);
    }

    private static double[] row(float[] m, int r) {
        double[] out = new double[ITEMS];
        for (int j = 0; j < ITEMS; j++) {
            out[j] = m[r * ITEMS + j];
        }
        return out;
    }

    private static double rowLoss(double[] z, double[] t, int label, int topK) {
        double hard = -logSoftmax(z, 1)[label];
        double[] q = softLabels(t, topK);
        double[] logPT = logSoftmax(z, T);
        double soft = 0;
        for (int j = 0; j < ITEMS; j++) {
            soft -= q[j] * logPT[j];
        }
        return (1 - LAMBDA) * hard + LAMBDA * soft;
    }

    /** softmax(t / T), or with topK > 0 its k largest entries renormalised to sum 1. */
    private static double[] softLabels(double[] t, int topK) {
        double[] q = new double[ITEMS];
        double[] logQ = logSoftmax(t, T);
        for (int j = 0; j < ITEMS; j++) {
            q[j] = Math.exp(logQ[j]);
        }
        if (topK == 0) {
            return q;
        }
        // TopKV2 breaks ties by the lower index
        Integer[] order = new Integer[ITEMS];
        for (int j = 0; j < ITEMS; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> q[a] != q[b] ? Double.compare(q[b], q[a]) : Integer.compare(a, b));
        double[] keptQ = new double[ITEMS];
        double kept = 0;
        for (int k = 0; k < topK; k++) {
            keptQ[order[k]] = q[order[k]];
            kept += q[order[k]];
        }
        System.arraycopy(keptQ, 0, q, 0, ITEMS);
        for (int j = 0; j < ITEMS; j++) {
            q[j] /= kept;
        }
        return q;
    }

    private static double[] logSoftmax(double[] x, double temperature) {
        double max = java.util.Arrays.stream(x).max().orElseThrow() / temperature;
        double sum = 0;
        for (double v : x) {
            sum += Math.exp(v / temperature - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            out[j] = x[j] / temperature - log;
        }
        return out;
    }
}
