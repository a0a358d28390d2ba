package org.sessionrnn.eval;

/**
 * Recall@k and MRR@k accumulated over target ranks, under both of GRU4Rec's tie modes: {@code standard}
 * (1 + number of items scoring strictly higher than the target) and {@code conservative} (number of items
 * scoring at least as high as the target, the target included). Every test prefix counts once.
 */
public final class RankingMetrics {
    private final int cutoff;
    private long count;
    private long hitsStandard;
    private long hitsConservative;
    private double reciprocalStandard;
    private double reciprocalConservative;

    public RankingMetrics(int cutoff) {
        if (cutoff < 1) {
            throw new IllegalArgumentException("cutoff must be >= 1: " + cutoff);
        }
        this.cutoff = cutoff;
    }

    /** Records one test prefix given the target's rank under both tie modes (1 = top). */
    public void add(int rankStandard, int rankConservative) {
        count++;
        if (rankStandard <= cutoff) {
            hitsStandard++;
            reciprocalStandard += 1.0 / rankStandard;
        }
        if (rankConservative <= cutoff) {
            hitsConservative++;
            reciprocalConservative += 1.0 / rankConservative;
        }
    }

    public int cutoff() {
        return cutoff;
    }

    public long count() {
        return count;
    }

    public double recall() {
        return count == 0 ? 0 : (double) hitsStandard / count;
    }

    public double mrr() {
        return count == 0 ? 0 : reciprocalStandard / count;
    }

    public double recallConservative() {
        return count == 0 ? 0 : (double) hitsConservative / count;
    }

    public double mrrConservative() {
        return count == 0 ? 0 : reciprocalConservative / count;
    }
}
