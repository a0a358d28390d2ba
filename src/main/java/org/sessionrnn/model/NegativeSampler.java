package org.sessionrnn.model;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws the shared negative items of a sampled-softmax training step, and the expected number of times every
 * candidate of the step occurs among them, for the log-Q correction. Negatives come from item popularity raised
 * to {@link #ALPHA} (Mikolov et al. 2013's smoothing, as GRU4Rec samples), counts plus one so that items never
 * seen as a label are drawn too: a full softmax pushes their scores down at every step, a sampled one only when
 * they are drawn. The batch's own labels are candidates as well, drawn from the data's label distribution, so a
 * candidate's expected count is {@code batch * p_data(i) + negatives * p_alpha(i)}.
 *
 * <p>The draw of step {@code t} depends only on {@code (seed, t)}, so a resumed run draws what an uninterrupted
 * one would have.
 */
public final class NegativeSampler {
    /** The exponent of the popularity the negatives are drawn from. */
    public static final double ALPHA = 0.75;

    private final int negatives;
    private final long seed;
    /** Cumulative {@code (count + 1)^alpha}, one entry per item. */
    private final double[] cumulative;
    private final double[] labelShare;
    private final double[] negativeShare;

    /**
     * @param labelCounts how often each item is a training label (index = item)
     * @param negatives   negatives drawn per step, shared by the batch's rows
     * @param seed        the run's seed
     */
    public NegativeSampler(int[] labelCounts, int negatives, long seed) {
        if (negatives < 1) {
            throw new IllegalArgumentException("negatives must be positive: " + negatives);
        }
        this.negatives = negatives;
        this.seed = seed;
        int items = labelCounts.length;
        this.cumulative = new double[items];
        this.labelShare = new double[items];
        this.negativeShare = new double[items];
        double labels = Arrays.stream(labelCounts).asLongStream().sum();
        double total = 0;
        for (int i = 0; i < items; i++) {
            if (labelCounts[i] < 0) {
                throw new IllegalArgumentException("negative label count for item " + i);
            }
            double w = Math.pow(labelCounts[i] + 1.0, ALPHA);
            total += w;
            cumulative[i] = total;
            negativeShare[i] = w;
            labelShare[i] = labels > 0 ? labelCounts[i] / labels : 0;
        }
        for (int i = 0; i < items; i++) {
            negativeShare[i] /= total;
        }
    }

    /** The catalogue size: items are {@code 0..items-1}. */
    public int items() {
        return labelShare.length;
    }

    /** Negatives drawn per step. */
    public int negatives() {
        return negatives;
    }

    /** Fills {@code dst[0..negatives-1]} with step {@code step}'s negatives (with replacement). */
    public void draw(long step, int[] dst) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
        double total = cumulative[cumulative.length - 1];
        for (int j = 0; j < negatives; j++) {
            int at = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            dst[j] = Math.min(at >= 0 ? at + 1 : -at - 1, cumulative.length - 1);
        }
    }

    /**
     * {@code log} of the expected number of occurrences of {@code item} among a step's candidates, for a batch of
     * {@code rows} labels and the drawn negatives.
     */
    public float logExpectedCount(int item, int rows) {
        return (float) Math.log(rows * labelShare[item] + negatives * negativeShare[item]);
    }

    /** Label counts of a catalogue of {@code items} in which every item occurs once: a graph only checked. */
    public static int[] uniformCounts(int items) {
        int[] counts = new int[items];
        Arrays.fill(counts, 1);
        return counts;
    }
}
