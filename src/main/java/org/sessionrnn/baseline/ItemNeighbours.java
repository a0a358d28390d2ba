package org.sessionrnn.baseline;

/**
 * The Item-KNN model: for every item its at most {@code n} most similar items, most similar first, stored in
 * primitive arrays ({@code n} slots per item). Only items with a positive similarity are kept; all others score 0.
 * Similarities are kept in double precision, as GRU4Rec computes them, so that nearly equal similarities are not
 * merged into ties.
 */
public final class ItemNeighbours {
    private final int perItem;
    private final int[] counts;
    private final int[] ids;
    private final double[] sims;

    ItemNeighbours(int itemCount, int perItem) {
        this.perItem = perItem;
        this.counts = new int[itemCount];
        this.ids = new int[Math.multiplyExact(itemCount, perItem)];
        this.sims = new double[ids.length];
    }

    public int itemCount() {
        return counts.length;
    }

    /** Number of neighbours kept for {@code item}. */
    public int count(int item) {
        return counts[item];
    }

    /** The {@code k}-th most similar item of {@code item}. */
    public int neighbour(int item, int k) {
        return ids[slot(item, k)];
    }

    /** Similarity of {@code item} to its {@code k}-th neighbour. */
    public double similarityAt(int item, int k) {
        return sims[slot(item, k)];
    }

    /** Similarity of {@code item} to {@code other}, 0 when {@code other} is not a kept neighbour. */
    public double similarity(int item, int other) {
        for (int k = 0; k < counts[item]; k++) {
            if (ids[item * perItem + k] == other) {
                return sims[item * perItem + k];
            }
        }
        return 0;
    }

    void set(int item, int[] neighbourIds, double[] similarities, int count) {
        if (count > perItem) {
            throw new IllegalArgumentException("too many neighbours: " + count);
        }
        counts[item] = count;
        for (int k = 0; k < count; k++) {
            ids[item * perItem + k] = neighbourIds[k];
            sims[item * perItem + k] = similarities[k];
        }
    }

    private int slot(int item, int k) {
        if (k < 0 || k >= counts[item]) {
            throw new IndexOutOfBoundsException(k);
        }
        return item * perItem + k;
    }
}
