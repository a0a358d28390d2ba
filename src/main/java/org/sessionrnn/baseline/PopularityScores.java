package org.sessionrnn.baseline;

import java.util.Arrays;

/**
 * GRU4Rec's popularity list ({@code baselines.py}, {@code Pop.fit}): {@code pop_i = supp_i / (supp_i + 1)} for
 * the {@code topN} items with the largest click support {@code supp_i}, and 0 for every other item.
 *
 * <p>Returned as an order-preserving float encoding: item {@code i} in the top list gets the dense rank of its
 * support among the distinct supports of the list (1 = smallest), others get 0. {@code supp/(supp+1)} is strictly
 * increasing in {@code supp}, so the encoding orders and ties items exactly like GRU4Rec's float64 values, while
 * raw {@code supp/(supp+1)} in float32 would merge large supports. Items with equal support at the list boundary
 * are admitted lowest index first (pandas' sort is unspecified there).
 */
final class PopularityScores {
    private PopularityScores() {
    }

    /** Encoded popularity score of every item; values are integers in {@code 0..topN}. */
    static float[] topN(int[] support, int topN) {
        int[] top = topItems(support, topN);
        float[] scores = new float[support.length];
        int[] distinct = top.length == 0 ? new int[0]
                : Arrays.stream(top).map(i -> support[i]).distinct().sorted().toArray();
        for (int item : top) {
            scores[item] = 1 + Arrays.binarySearch(distinct, support[item]);
        }
        return scores;
    }

    /** Items with positive support, largest support first (ties: lower index first), at most {@code topN}. */
    static int[] topItems(int[] support, int topN) {
        int[] ranked = new int[support.length];
        int n = 0;
        for (int i = 0; i < support.length; i++) {
            if (support[i] > 0) {
                ranked[n++] = i;
            }
        }
        long[] keys = new long[n];
        for (int k = 0; k < n; k++) {
            keys[k] = ((long) (Integer.MAX_VALUE - support[ranked[k]]) << 32) | ranked[k];
        }
        Arrays.sort(keys);
        int kept = Math.min(n, Math.max(0, topN));
        int[] top = new int[kept];
        for (int k = 0; k < kept; k++) {
            top[k] = (int) keys[k];
        }
        return top;
    }
}
