package org.sessionrnn.baseline;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.Ranker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hand-worked example shared by the baseline tests. Items A=0, B=1, C=2, D=3, E=4 (m = 5; E never
 * clicked, so it always scores 0).
 * <pre>
 * training sessions: s0 = A B A, s1 = A C, s2 = B C D, s3 = A B
 *   supports (clicks): A 4, B 3, C 2, D 1, E 0
 * test sessions: t0 = B A D, t1 = D D C, t2 = C B, t3 = C D C, giving 7 prefixes:
 *   p1 [B] -> A    p2 [B A] -> D    p3 [D] -> D    p4 [D D] -> C
 *   p5 [C] -> B    p6 [C] -> D      p7 [C D] -> C
 * </pre>
 * Training uses all prefixes with maxLength 1, so the windows are truncated, yet the covered clicks are all
 * training clicks (first clicks are inputs of the first prefix).
 */
final class HandWorkedFixture {
    static final int A = 0, B = 1, C = 2, D = 3, E = 4, M = 5;
    static final SequenceSet TRAIN = TinySessions.allPrefixes(TinySessions.table(
            new int[]{A, B, A}, new int[]{A, C}, new int[]{B, C, D}, new int[]{A, B}));
    static final SequenceSet TEST = TinySessions.allPrefixes(TinySessions.table(
            new int[]{B, A, D}, new int[]{D, D, C}, new int[]{C, B}, new int[]{C, D, C}));
    static final TrainingClicks CLICKS = TrainingClicks.of(TRAIN, 1);

    private HandWorkedFixture() {
    }

    /**
     * Evaluates {@code ranker} on the 7 test prefixes at cutoff {@code k} and checks per-prefix ranks and the
     * four metrics ({recall, mrr, recallConservative, mrrConservative}).
     */
    static void assertEvaluation(Ranker ranker, int k, int[] standard, int[] conservative, double[] metrics) {
        EvaluationResult result = new Evaluator(k).evaluate(ranker, TEST);
        assertArrayEquals(standard, result.standardRanks(), "standard ranks");
        assertArrayEquals(conservative, result.conservativeRanks(), "conservative ranks");
        assertEquals(metrics[0], result.metrics().recall(), 1e-12, "recall");
        assertEquals(metrics[1], result.metrics().mrr(), 1e-12, "mrr");
        assertEquals(metrics[2], result.metrics().recallConservative(), 1e-12, "recall conservative");
        assertEquals(metrics[3], result.metrics().mrrConservative(), 1e-12, "mrr conservative");
    }
}
