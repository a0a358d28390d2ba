package org.sessionrnn.model;

import java.util.SplittableRandom;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;

/**
 * Not a test: times training steps of M1 and of M3 with dense and top-k soft labels at the paper's catalogue
 * size, on random sessions, and extrapolates to an epoch. Run with
 * {@code java -cp target/classes:target/test-classes:target/lib/* org.sessionrnn.model.DistillationBench [gru...]}.
 */
public final class DistillationBench {
    private static final int ITEMS = 37_483;
    private static final int STEPS = 19;
    private static final int BATCH = 512;
    private static final long EPOCH = 23_670_981L;

    private DistillationBench() {
    }

    public static void main(String[] args) {
        SequenceSet set = randomSequences(4_000, 11);
        for (String arg : args.length > 0 ? args : new String[]{"100", "1000"}) {
            int gru = Integer.parseInt(arg);
            int steps = gru >= 1000 ? 6 : 30;
            SoftmaxWeights teacher;
            try (NeuralModel m1 = NeuralModel.build(SoftmaxBlock.m1(ITEMS, 50, gru, STEPS, 1))) {
                report(gru, "M1", time(m1, set, steps));
                System.out.printf("GRU %d M1 predict top-20: %.1f ms per 512%n", gru, predictMs(m1, set));
                teacher = SoftmaxWeights.of(m1);
            }
            try (NeuralModel m4 = NeuralModel.build(EmbeddingCosineBlock.parts(ITEMS, 50, gru, gru, STEPS, 1, teacher, TrainingOptions.ADAM))) {
                System.out.printf("GRU %d M4 predict top-20: %.1f ms per 512%n", gru, predictMs(m4, set));
            }
            for (int k : new int[]{0, 100}) {
                SoftmaxWeights trained = teacher;
                try (NeuralModel m3 = NeuralModel.build(TeacherDistillation.parts(ITEMS, 50, gru, STEPS, 2, () -> trained,
                        0.2, 1, k, set))) {
                    report(gru, k == 0 ? "M3 dense" : "M3 top-" + k, time(m3, set, steps));
                }
            }
        }
    }

    private static void report(int gru, String what, double msPerStep) {
        double seqPerSecond = BATCH / (msPerStep / 1000);
        System.out.printf("GRU %d %-10s %8.1f ms/step %7.0f seq/s  %6.1f s per 1M sequences  %5.1f h per rsc15 epoch%n",
                gru, what, msPerStep, seqPerSecond, 1e6 / seqPerSecond, EPOCH / seqPerSecond / 3600);
    }

    /** Mean milliseconds per training step after two warm-up steps. */
    private static double time(NeuralModel model, SequenceSet set, int steps) {
        Batch batch = new Batch(BATCH, STEPS, ITEMS);
        SplittableRandom rng = new SplittableRandom(5);
        int[] clicks = new int[STEPS];
        long total = 0;
        for (int s = -2; s < steps; s++) {
            batch.clear();
            for (int r = 0; r < BATCH; r++) {
                int i = rng.nextInt(set.size());
                batch.add(clicks, set.copyInput(i, STEPS, clicks, 0), set.label(i), i);
            }
            long start = System.nanoTime();
            model.trainStep(batch, 0.001f);
            if (s >= 0) {
                total += System.nanoTime() - start;
            }
        }
        return total / 1e6 / steps;
    }

    /** Mean milliseconds of a top-20 prediction for 512 rows, 20 batches after 3 warm-up batches. */
    private static double predictMs(SessionModel model, SequenceSet set) {
        Batch batch = new Batch(BATCH, STEPS, ITEMS);
        int[] clicks = new int[STEPS];
        for (int r = 0; r < BATCH; r++) {
            batch.add(clicks, set.copyInput(r, STEPS, clicks, 0), set.label(r), r);
        }
        int[] top = new int[BATCH * 20];
        long total = 0;
        for (int b = -3; b < 20; b++) {
            long start = System.nanoTime();
            model.predictTopK(batch, 20, top);
            total += b >= 0 ? System.nanoTime() - start : 0;
        }
        return total / 1e6 / 20;
    }

    /** Random sessions of 2 to 20 clicks, all their prefixes. */
    private static SequenceSet randomSequences(int sessions, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] offsets = new int[sessions + 1];
        for (int s = 0; s < sessions; s++) {
            offsets[s + 1] = offsets[s] + 2 + rng.nextInt(19);
        }
        int[] items = rng.ints(offsets[sessions], 0, ITEMS).toArray();
        long[] ids = new long[sessions];
        int n = offsets[sessions] - sessions;
        int[] sessionOf = new int[n];
        int[] labels = new int[n];
        int k = 0;
        for (int s = 0; s < sessions; s++) {
            for (int p = offsets[s] + 1; p < offsets[s + 1]; p++) {
                sessionOf[k] = s;
                labels[k++] = p;
            }
        }
        return new SequenceSet(new SessionTable(ids, offsets, items, new long[offsets[sessions]]), sessionOf, labels);
    }
}
