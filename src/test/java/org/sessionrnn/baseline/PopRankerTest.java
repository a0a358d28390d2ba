package org.sessionrnn.baseline;

import org.junit.jupiter.api.Test;

import static org.sessionrnn.baseline.HandWorkedFixture.*;

/** POP, r_i = supp_i / (1 + supp_i) for the top_n items, 0 otherwise (see {@link HandWorkedFixture}). */
class PopRankerTest {

    @Test
    void defaultTopNRanksByClickSupport() {
        // r: A 4/5=.8, B 3/4=.75, C 2/3=.667, D 1/2=.5, E 0 -- no ties, so both modes agree.
        // targets A,D,D,C,B,D,C -> ranks 1,4,4,3,2,4,3
        // k=2: hits p1 (rank 1), p5 (rank 2): Recall@2 = 2/7, MRR@2 = (1 + 1/2)/7 = 1.5/7
        int[] ranks = {1, 4, 4, 3, 2, 4, 3};
        assertEvaluation(Baselines.pop(TRAIN, M, 1), 2, ranks, ranks,
                new double[]{2 / 7.0, 1.5 / 7, 2 / 7.0, 1.5 / 7});
    }

    @Test
    void itemsBeyondTopNTieAtZero() {
        // top_n = 3 keeps A .8, B .75, C .667; D and E score 0 and tie.
        // target D: standard 1 + |{A,B,C}| = 4, conservative |{A,B,C,D,E}| = 5. Others as above.
        // standard 1,4,4,3,2,4,3; conservative 1,5,5,3,2,5,3
        // k=4 standard: all 7 hit, MRR = (1 + 1/4 + 1/4 + 1/3 + 1/2 + 1/4 + 1/3)/7 = (35/12)/7
        // k=4 conservative: p1,p4,p5,p7 hit: Recall 4/7, MRR = (1 + 1/3 + 1/2 + 1/3)/7 = (13/6)/7
        assertEvaluation(PopRanker.fit(CLICKS, M, 3), 4, new int[]{1, 4, 4, 3, 2, 4, 3},
                new int[]{1, 5, 5, 3, 2, 5, 3}, new double[]{1.0, 35.0 / 12 / 7, 4 / 7.0, 13.0 / 6 / 7});
    }
}
