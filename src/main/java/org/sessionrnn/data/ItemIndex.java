package org.sessionrnn.data;

import java.util.Arrays;

/**
 * The catalogue: a bijection between the file's item ids and dense indices {@code 0..size()-1}. Dense indices
 * are assigned in ascending order of raw id so that the mapping does not depend on file order.
 */
public final class ItemIndex {
    private final long[] rawIdsSorted;

    private ItemIndex(long[] rawIdsSorted) {
        this.rawIdsSorted = rawIdsSorted;
    }

    /** Builds an index over the distinct ids in {@code rawIds} (duplicates allowed). */
    public static ItemIndex of(long[] rawIds) {
        long[] sorted = rawIds.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return new ItemIndex(Arrays.copyOf(sorted, distinct));
    }

    public int size() {
        return rawIdsSorted.length;
    }

    /** Dense index of a raw id, or -1 when the item is not in the catalogue. */
    public int indexOf(long rawId) {
        int i = Arrays.binarySearch(rawIdsSorted, rawId);
        return i >= 0 ? i : -1;
    }

    public long rawId(int index) {
        return rawIdsSorted[index];
    }
}
