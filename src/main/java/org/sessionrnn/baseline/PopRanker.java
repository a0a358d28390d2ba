package org.sessionrnn.baseline;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Ranker;
import org.sessionrnn.eval.Ranks;

/**
 * POP: GRU4Rec's {@code Pop} ({@code baselines.py}). Every prefix gets the same scores,
 * {@code r_i = supp_i / (1 + supp_i)} for the {@code topN} (default 100) most clicked training items and 0 for
 * all others, where {@code supp_i} counts training clicks. Scores are encoded by {@link PopularityScores}; since
 * they do not depend on the prefix, each target item's ranks are computed once and cached.
 */
public final class PopRanker implements Ranker {
    private final float[] scores;
    private final int[] standardByItem;
    private final int[] conservativeByItem;

    private PopRanker(float[] scores) {
        this.scores = scores;
        this.standardByItem = new int[scores.length];
        this.conservativeByItem = new int[scores.length];
    }

    /** Fits on {@code clicks} over a catalogue of {@code itemCount} items. */
    public static PopRanker fit(TrainingClicks clicks, int itemCount, int topN) {
        return new PopRanker(PopularityScores.topN(clicks.supports(itemCount), topN));
    }

    @Override
    public void rank(SequenceSet sequences, int from, int to, int[] standard, int[] conservative) {
        for (int i = from; i < to; i++) {
            int target = sequences.label(i);
            if (standardByItem[target] == 0) {
                standardByItem[target] = Ranks.standard(scores, 0, scores.length, target);
                conservativeByItem[target] = Ranks.conservative(scores, 0, scores.length, target);
            }
            standard[i - from] = standardByItem[target];
            conservative[i - from] = conservativeByItem[target];
        }
    }
}
