package org.sessionrnn.data;

import java.util.Arrays;

/**
 * Raw clicks as read from a file, in file order, held in growable primitive arrays so that tens of millions
 * of clicks fit in a few hundred megabytes. Session and item ids are the file's own ids; times are epoch
 * milliseconds.
 */
public final class ClickLog {
    private long[] sessionIds;
    private long[] itemIds;
    private long[] timesMs;
    private int size;

    public ClickLog() {
        this(1 << 16);
    }

    public ClickLog(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        sessionIds = new long[capacity];
        itemIds = new long[capacity];
        timesMs = new long[capacity];
    }

    /** Appends one click. */
    public void add(long sessionId, long itemId, long timeMs) {
        if (size == sessionIds.length) {
            grow();
        }
        sessionIds[size] = sessionId;
        itemIds[size] = itemId;
        timesMs[size] = timeMs;
        size++;
    }

    private void grow() {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, sessionIds.length * 3L / 2 + 16);
        sessionIds = Arrays.copyOf(sessionIds, capacity);
        itemIds = Arrays.copyOf(itemIds, capacity);
        timesMs = Arrays.copyOf(timesMs, capacity);
    }

    public int size() {
        return size;
    }

    public long sessionId(int i) {
        return sessionIds[i];
    }

    public long itemId(int i) {
        return itemIds[i];
    }

    public long timeMs(int i) {
        return timesMs[i];
    }
}
