package org.sessionrnn.baseline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sessionrnn.baseline.HandWorkedFixture.*;

/**
 * Item-KNN (see {@link HandWorkedFixture}). Co-occurrence c(i,j) = sum_s n_s(i) [j in s]:
 * <pre>
 *   c(A,B) = 2 (s0, A clicked twice) + 1 (s3) = 3    c(A,C) = 1 (s1)     c(A,D) = 0
 *   c(B,A) = 1 (s0) + 1 (s3) = 2   c(B,C) = 1 (s2)   c(B,D) = 1 (s2)
 *   c(C,A) = 1   c(C,B) = 1   c(C,D) = 1            c(D,B) = 1   c(D,C) = 1   c(D,A) = 0
 *   sim(i,j) = c(i,j) / ((supp_i + lambda)^alpha (supp_j + lambda)^(1 - alpha)), supp A4 B3 C2 D1
 * </pre>
 */
class ItemKnnRankerTest {

    @Test
    void defaultParametersGiveCosineLikeSimilarities() {
        // lambda 20, alpha .5: sim = c / sqrt((s_i + 20)(s_j + 20))
        //   A: B 3/sqrt(24*23)=3/sqrt(552)=.127689, C 1/sqrt(528)=.043519
        //   B: A 2/sqrt(552)=.085126, D 1/sqrt(483)=.045502, C 1/sqrt(506)=.044455
        //   C: D 1/sqrt(462)=.046524, B 1/sqrt(506)=.044455, A 1/sqrt(528)=.043519
        //   D: C 1/sqrt(462)=.046524, B 1/sqrt(483)=.045502
        // p1 last B -> A: 1          p2 last A -> D (0; D ties with A,E): std 3, cons 5
        // p3 last D -> D (0): std 3, cons 5     p4 last D -> C: 1
        // p5 last C -> B: 2          p6 last C -> D: 1      p7 last D -> C: 1
        // k=3 standard: all hit, MRR = (1 + 1/3 + 1/3 + 1 + 1/2 + 1 + 1)/7 = (31/6)/7
        // k=3 conservative: p2, p3 miss: Recall 5/7, MRR = (1 + 1 + 1/2 + 1 + 1)/7 = 4.5/7
        ItemKnnRanker ranker = (ItemKnnRanker) Baselines.itemKnn(TRAIN, M, 1, 100, 20, 0.5);
        ItemNeighbours nb = ranker.neighbours();
        assertEquals(3 / Math.sqrt(552), nb.similarity(A, B), 1e-7);
        assertEquals(2 / Math.sqrt(552), nb.similarity(B, A), 1e-7);
        assertEquals(1 / Math.sqrt(462), nb.similarity(C, D), 1e-7);
        assertEquals(0.0, nb.similarity(A, D));
        assertEquals(0.0, nb.similarity(A, A));
        assertEquals(3, nb.count(B));
        assertEquals(D, nb.neighbour(B, 1));
        assertEvaluation(ranker, 3, new int[]{1, 3, 3, 1, 2, 1, 1}, new int[]{1, 5, 5, 1, 2, 1, 1},
                new double[]{1.0, 31.0 / 6 / 7, 5 / 7.0, 4.5 / 7});
    }

    @Test
    void confidenceWithTwoNeighboursBreaksCutTiesByLowerIndex() {
        // lambda 1, alpha 1: sim = c(i,j) / (supp_i + 1); keep n = 2
        //   A (/5): B .6, C .2
        //   B (/4): A .5, C .25 = D .25 -> the cut keeps C (lower index); D scores 0
        //   C (/3): A = B = D = 1/3      -> keeps A, B; D scores 0
        //   D (/2): B = C = .5
        // p1 last B -> A: 1             p2 last A -> D (0): std 3, cons 5
        // p3 last D -> D (0): std 3, cons 5
        // p4 last D -> C (ties B): std 1, cons 2     p5 last C -> B (ties A): std 1, cons 2
        // p6 last C -> D (0): std 3, cons 5          p7 last D -> C: std 1, cons 2
        // k=2 standard: p1, p4, p5, p7 hit at 1: Recall 4/7, MRR 4/7
        // k=2 conservative: same hits, MRR (1 + 1/2 + 1/2 + 1/2)/7 = 2.5/7
        ItemKnnRanker ranker = ItemKnnRanker.fit(CLICKS, M, 2, 1, 1, 2);
        ItemNeighbours nb = ranker.neighbours();
        assertEquals(2, nb.count(B));
        assertEquals(A, nb.neighbour(B, 0));
        assertEquals(C, nb.neighbour(B, 1));
        assertEquals(0.25, nb.similarityAt(B, 1));
        assertEquals(B, nb.neighbour(C, 1));
        assertEvaluation(ranker, 2, new int[]{1, 3, 3, 1, 1, 3, 1}, new int[]{1, 5, 5, 2, 2, 5, 2},
                new double[]{4 / 7.0, 4 / 7.0, 4 / 7.0, 2.5 / 7});
    }
}
