package org.sessionrnn.baseline;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.Ranker;
import org.sessionrnn.eval.Ranks;

/**
 * S-POP: GRU4Rec's {@code SessionPop} ({@code baselines.py}):
 * {@code r_{s,i} = supp_{s,i} + supp_i / (1 + supp_i)}, where {@code supp_{s,i}} counts the clicks on item
 * {@code i} in the prefix seen so far and the popularity term is GRU4Rec's {@code Pop} list (non-zero only for
 * the {@code topN} most clicked training items). The popularity term is below 1, so it only orders items with
 * the same in-session count.
 *
 * <p>The prefix is the whole session so far, never truncated: GRU4Rec's {@code evaluate_sessions} feeds every
 * click of a test session to {@code predict_next}, which keeps counting until the session id changes.
 * The score is encoded as {@code supp_{s,i} * (topN + 1) + enc_i} with {@code enc_i} in {@code 0..topN} the
 * {@link PopularityScores} encoding: the same lexicographic order and ties as GRU4Rec's float64 score, exact in
 * float for counts below {@code 2^24 / (topN + 1)}.
 */
public final class SessionPopRanker implements Ranker {
    private final float[] popularity;
    private final float countWeight;
    private final float[] scores;
    private int[] prefix = new int[64];

    private SessionPopRanker(float[] popularity, int topN) {
        this.popularity = popularity;
        this.countWeight = topN + 1f;
        this.scores = popularity.clone();
    }

    /** Fits on {@code clicks} over a catalogue of {@code itemCount} items. */
    public static SessionPopRanker fit(TrainingClicks clicks, int itemCount, int topN) {
        return new SessionPopRanker(PopularityScores.topN(clicks.supports(itemCount), topN), topN);
    }

    @Override
    public void rank(SequenceSet sequences, int from, int to, int[] standard, int[] conservative) {
        for (int i = from; i < to; i++) {
            int length = readPrefix(sequences, i);
            for (int k = 0; k < length; k++) {
                scores[prefix[k]] += countWeight;
            }
            int target = sequences.label(i);
            standard[i - from] = Ranks.standard(scores, 0, scores.length, target);
            conservative[i - from] = Ranks.conservative(scores, 0, scores.length, target);
            for (int k = 0; k < length; k++) {
                scores[prefix[k]] = popularity[prefix[k]];
            }
        }
    }

    private int readPrefix(SequenceSet sequences, int i) {
        int length = sequences.labelPos(i) - sequences.table().offset(sequences.session(i));
        if (prefix.length < length) {
            prefix = new int[Math.max(length, 2 * prefix.length)];
        }
        return sequences.copyInput(i, length, prefix, 0);
    }
}
