package org.sessionrnn.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;

class EvaluatorTest {
    /** One session 0,1,2,3,4 over 5 items: prefixes with labels 1, 2, 3, 4. */
    private static SequenceSet fourPrefixes() {
        SessionTable t = new SessionTable(new long[]{9}, new int[]{0, 5}, new int[]{0, 1, 2, 3, 4},
                new long[]{0, 1, 2, 3, 4});
        return new SequenceSet(t, new int[]{0, 0, 0, 0}, new int[]{1, 2, 3, 4});
    }

    /** Fixed scores per item, the same for every prefix: items 1 and 2 tie. */
    private static final float[] SCORES = {0.9f, 0.5f, 0.5f, 0.1f, 0.7f};

    private static final Ranker FIXED = new Ranker() {
        @Override
        public void rank(SequenceSet s, int from, int to, int[] standard, int[] conservative) {
            for (int i = from; i < to; i++) {
                standard[i - from] = Ranks.standard(SCORES, 0, SCORES.length, s.label(i));
                conservative[i - from] = Ranks.conservative(SCORES, 0, SCORES.length, s.label(i));
            }
        }

        @Override
        public int batchSize() {
            return 3; // forces a partial last batch
        }
    };

    @Test
    void ranksAndMetricsMatchAHandWorkedCase() {
        // order by score: 0 (0.9), 4 (0.7), {1, 2} (0.5 tie), 3 (0.1)
        // label 1: standard 1+2=3, conservative 4; label 2: same; label 3: 5 and 5; label 4: 2 and 2
        EvaluationResult r = new Evaluator(3).evaluate(FIXED, fourPrefixes());
        assertArrayEquals(new int[]{3, 3, 5, 2}, r.standardRanks());
        assertArrayEquals(new int[]{4, 4, 5, 2}, r.conservativeRanks());
        // @3 standard: hits at ranks 3, 3, 2 -> recall 3/4, MRR (1/3 + 1/3 + 1/2) / 4
        assertEquals(0.75, r.metrics().recall(), 1e-12);
        assertEquals((1.0 / 3 + 1.0 / 3 + 0.5) / 4, r.metrics().mrr(), 1e-12);
        // @3 conservative: only the rank-2 prefix hits
        assertEquals(0.25, r.metrics().recallConservative(), 1e-12);
        assertEquals(0.5 / 4, r.metrics().mrrConservative(), 1e-12);
        assertEquals(4, r.metrics().count());
    }

    @Test
    void aRankEqualToTheCutoffCountsAndOneBeyondDoesNot() {
        RankingMetrics m = new RankingMetrics(20);
        m.add(20, 20);
        m.add(21, 21);
        assertEquals(0.5, m.recall(), 1e-12);
        assertEquals(1.0 / 20 / 2, m.mrr(), 1e-12);
    }
}
