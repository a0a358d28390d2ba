package org.sessionrnn.data;

/**
 * Preprocessed sessions stored contiguously: the clicks of session {@code s} are positions
 * {@code offset(s) .. offset(s+1)-1}, in time order. Items are dense indices of an {@link ItemIndex}.
 * Immutable by convention: the arrays are never handed out.
 */
public final class SessionTable {
    private final long[] sessionIds;
    private final int[] offsets;
    private final int[] items;
    private final long[] timesMs;

    /**
     * @param sessionIds original id of each session
     * @param offsets    start position of each session, plus one final entry equal to the number of clicks
     * @param items      dense item index of each click
     * @param timesMs    epoch milliseconds of each click
     */
    public SessionTable(long[] sessionIds, int[] offsets, int[] items, long[] timesMs) {
        if (offsets.length != sessionIds.length + 1 || items.length != timesMs.length
                || offsets[offsets.length - 1] != items.length) {
            throw new IllegalArgumentException("inconsistent session table arrays");
        }
        this.sessionIds = sessionIds;
        this.offsets = offsets;
        this.items = items;
        this.timesMs = timesMs;
    }

    public int sessions() {
        return sessionIds.length;
    }

    public int clicks() {
        return items.length;
    }

    public long sessionId(int s) {
        return sessionIds[s];
    }

    public int offset(int s) {
        return offsets[s];
    }

    public int end(int s) {
        return offsets[s + 1];
    }

    public int length(int s) {
        return offsets[s + 1] - offsets[s];
    }

    public int item(int position) {
        return items[position];
    }

    public long timeMs(int position) {
        return timesMs[position];
    }

    /** Number of prefix sequences (clicks minus sessions): one per click that has a predecessor. */
    public long prefixCount() {
        return (long) items.length - sessionIds.length;
    }
}
