package org.sessionrnn.baseline;

import org.junit.jupiter.api.Test;

import static org.sessionrnn.baseline.HandWorkedFixture.*;

/** S-POP, r_{s,i} = supp_{s,i} + pop_i (see {@link HandWorkedFixture}). */
class SessionPopRankerTest {

    @Test
    void sessionCountsDominateAndPopularityBreaksTies() {
        // pop: A .8, B .75, C .667, D .5, E 0
        // p1 [B]->A:   B 1.75, A .8 ...                 rank 2
        // p2 [B A]->D: A 1.8, B 1.75, C .667, D .5      rank 4
        // p3 [D]->D:   D 1.5                            rank 1
        // p4 [D D]->C: D 2.5, A .8, B .75, C .667       rank 4
        // p5 [C]->B:   C 1.667, A .8, B .75             rank 3
        // p6 [C]->D:   C 1.667, A .8, B .75, D .5       rank 4
        // p7 [C D]->C: C 1.667, D 1.5                   rank 1
        // no ties; k=2: hits p1 (2), p3 (1), p7 (1): Recall 3/7, MRR (1/2 + 1 + 1)/7 = 2.5/7
        int[] ranks = {2, 4, 1, 4, 3, 4, 1};
        assertEvaluation(Baselines.sessionPop(TRAIN, M, 1), 2, ranks, ranks,
                new double[]{3 / 7.0, 2.5 / 7, 3 / 7.0, 2.5 / 7});
    }

    @Test
    void itemsOutsideTopNTieOnSessionCount() {
        // top_n = 2: pop A .8, B .75; C, D, E 0
        // p1 [B]->A:   B 1.75, A .8                          2 / 2
        // p2 [B A]->D: A 1.8, B 1.75, C=D=E=0                std 3, cons 5
        // p3 [D]->D:   D 1                                   1 / 1
        // p4 [D D]->C: D 2, A .8, B .75, C=E=0               std 4, cons 5
        // p5 [C]->B:   C 1, A .8, B .75                      3 / 3
        // p6 [C]->D:   C 1, A .8, B .75, D=E=0               std 4, cons 5
        // p7 [C D]->C: C 1 = D 1 (tie), A .8, B .75          std 1, cons 2
        // k=2 standard: hits p1 (2), p3 (1), p7 (1): Recall 3/7, MRR (1/2 + 1 + 1)/7 = 2.5/7
        // k=2 conservative: hits p1 (2), p3 (1), p7 (2): Recall 3/7, MRR (1/2 + 1 + 1/2)/7 = 2/7
        assertEvaluation(SessionPopRanker.fit(CLICKS, M, 2), 2, new int[]{2, 3, 1, 4, 3, 4, 1},
                new int[]{2, 5, 1, 5, 3, 5, 2}, new double[]{3 / 7.0, 2.5 / 7, 3 / 7.0, 2.0 / 7});
    }
}
