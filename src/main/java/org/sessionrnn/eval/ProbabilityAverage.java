package org.sessionrnn.eval;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.Batch;

/**
 * Ranks by the mean of several models' predicted probabilities (an ensemble): each member's scores of a batch
 * (logits, one row of every item per prefix) become softmax probabilities, computed in double less the row's
 * maximum so that nothing overflows, and the target's ranks under both tie modes are counted on their equal-weight
 * mean ({@link Ranks}). Probabilities rather than logits or log-probabilities: a member that is confident about an
 * item raises it, and one that is not cannot veto it.
 */
public final class ProbabilityAverage implements Ranker {
    private final List<Function<Batch, float[]>> members;
    private final Batch batch;
    private final int[] clicks;
    private final int items;
    /** Parts of a batch ranked at once. */
    private static final int PARTS = 2 * (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1);

    /**
     * @param members each member's scores of a batch, {@code rows x items} row-major (e.g. a model's
     *                {@code scores})
     */
    public ProbabilityAverage(List<Function<Batch, float[]>> members, int batchSize, int maxLength, int items) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no members to average");
        }
        this.members = List.copyOf(members);
        this.batch = new Batch(batchSize, maxLength, items);
        this.clicks = new int[maxLength];
        this.items = items;
    }

    @Override
    public void rank(SequenceSet sequences, int from, int to, int[] standard, int[] conservative) {
        Ranker.fill(batch, clicks, sequences, from, to);
        int rows = to - from;
        float[][] scores = new float[members.size()][];
        for (int m = 0; m < scores.length; m++) {
            scores[m] = members.get(m).apply(batch);
            if (scores[m].length != (long) rows * items) {
                throw new IllegalStateException("member " + (m + 1) + " scored " + scores[m].length + " values for "
                        + rows + " prefixes, not " + items + " per prefix: the members' catalogues differ");
            }
        }
        // rows are independent: split them over the cores as the graph's rank counting does, buffers per part
        int parts = Math.min(rows, PARTS);
        IntStream.range(0, parts).parallel().forEach(part -> {
            double[] sum = new double[items];
            double[] p = new double[items];
            for (int r = (int) ((long) part * rows / parts), end = (int) ((long) (part + 1) * rows / parts);
                 r < end; r++) {
                sumOfProbabilities(scores, r, sum, p);
                int label = batch.label(r);
                standard[r] = Ranks.standard(sum, 0, items, label);
                conservative[r] = Ranks.conservative(sum, 0, items, label);
            }
        });
    }

    /**
     * The sum of the members' softmax probabilities of row {@code r} into {@code sum}: it ranks exactly as their
     * mean, without a division that could round two neighbouring values into a tie.
     */
    private void sumOfProbabilities(float[][] scores, int r, double[] sum, double[] p) {
        java.util.Arrays.fill(sum, 0);
        int offset = r * items;
        for (float[] s : scores) {
            softmax(s, offset, items, p);
            for (int i = 0; i < items; i++) {
                sum[i] += p[i];
            }
        }
    }

    /** Softmax of {@code scores[offset .. offset + length)} into {@code p}, less the maximum before exp. */
    public static void softmax(float[] scores, int offset, int length, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            max = Math.max(max, scores[offset + i]);
        }
        double sum = 0;
        for (int i = 0; i < length; i++) {
            p[i] = Math.exp(scores[offset + i] - max);
            sum += p[i];
        }
        for (int i = 0; i < length; i++) {
            p[i] /= sum;
        }
    }

    @Override
    public int batchSize() {
        return batch.capacity();
    }
}
