package org.sessionrnn.data;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The working set of {@link Rsc15Preprocessor}: clicks grouped by session and ordered by time within each
 * session, with items as indices into the catalogue of all raw items. Filters compact the arrays in place so
 * that the full 33M-click file needs only one working copy.
 */
final class SessionClicks {
    private final ItemIndex rawItems;
    private final long[] sessionIds;
    private final int[] items;
    private final long[] timesMs;
    private int size;

    private SessionClicks(ItemIndex rawItems, long[] sessionIds, int[] items, long[] timesMs) {
        this.rawItems = rawItems;
        this.sessionIds = sessionIds;
        this.items = items;
        this.timesMs = timesMs;
        this.size = items.length;
    }

    /** The clicks of {@code log} stably sorted by (session id, time). */
    static SessionClicks sorted(ClickLog log) {
        int[] order = sortOrder(log);
        long[] rawItemIds = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            rawItemIds[k] = log.itemId(order[k]);
        }
        ItemIndex rawItems = ItemIndex.of(rawItemIds);
        long[] sessionIds = new long[order.length];
        int[] items = new int[order.length];
        long[] times = new long[order.length];
        for (int k = 0; k < order.length; k++) {
            sessionIds[k] = log.sessionId(order[k]);
            items[k] = rawItems.indexOf(rawItemIds[k]);
            times[k] = log.timeMs(order[k]);
        }
        return new SessionClicks(rawItems, sessionIds, items, times);
    }

    /** Click indices in (session, time) order; the sort is skipped for files that are already in that order. */
    private static int[] sortOrder(ClickLog log) {
        int[] order = new int[log.size()];
        boolean sorted = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            sorted &= i == 0 || compare(log, i - 1, i) <= 0;
        }
        if (!sorted) {
            StableIntSort.sort(order, (a, b) -> compare(log, a, b));
        }
        return order;
    }

    private static int compare(ClickLog log, int a, int b) {
        int bySession = Long.compare(log.sessionId(a), log.sessionId(b));
        return bySession != 0 ? bySession : Long.compare(log.timeMs(a), log.timeMs(b));
    }

    int size() {
        return size;
    }

    long maxTime() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, timesMs[i]);
        }
        return max;
    }

    /** End (exclusive) of the session starting at click {@code start}. */
    private int sessionEnd(int start) {
        int end = start + 1;
        while (end < size && sessionIds[end] == sessionIds[start]) {
            end++;
        }
        return end;
    }

    int sessions() {
        int count = 0;
        for (int start = 0; start < size; start = sessionEnd(start)) {
            count++;
        }
        return count;
    }

    int distinctItems() {
        return (int) seenItems().count();
    }

    /** Indices into the raw catalogue of the items clicked here, ascending. */
    private IntStream seenItems() {
        boolean[] seen = new boolean[rawItems.size()];
        for (int i = 0; i < size; i++) {
            seen[items[i]] = true;
        }
        return IntStream.range(0, seen.length).filter(j -> seen[j]);
    }

    /** Keeps the sessions with at least {@code minLength} clicks. */
    void retainSessionsOfLength(int minLength) {
        boolean[] keep = new boolean[size];
        for (int start = 0, end; start < size; start = end) {
            end = sessionEnd(start);
            Arrays.fill(keep, start, end, end - start >= minLength);
        }
        retain(keep);
    }

    /** Keeps the clicks on items clicked at least {@code minSupport} times. */
    void retainItemsWithSupport(int minSupport) {
        int[] support = new int[rawItems.size()];
        for (int i = 0; i < size; i++) {
            support[items[i]]++;
        }
        boolean[] keep = new boolean[size];
        for (int i = 0; i < size; i++) {
            keep[i] = support[items[i]] >= minSupport;
        }
        retain(keep);
    }

    /** Keeps the clicks on items of {@code catalogue}. */
    void retainItemsIn(ItemIndex catalogue) {
        boolean[] keep = new boolean[size];
        for (int i = 0; i < size; i++) {
            keep[i] = catalogue.indexOf(rawItems.rawId(items[i])) >= 0;
        }
        retain(keep);
    }

    /** Per click: whether its session's last click is before {@code thresholdMs}. */
    boolean[] sessionsEndingBefore(long thresholdMs) {
        boolean[] before = new boolean[size];
        for (int start = 0, end; start < size; start = end) {
            end = sessionEnd(start);
            long last = Long.MIN_VALUE;
            for (int i = start; i < end; i++) {
                last = Math.max(last, timesMs[i]);
            }
            Arrays.fill(before, start, end, last < thresholdMs);
        }
        return before;
    }

    /** A new working set of the clicks where {@code mask} is {@code wanted}. */
    SessionClicks select(boolean[] mask, boolean wanted) {
        int n = 0;
        for (int i = 0; i < size; i++) {
            n += mask[i] == wanted ? 1 : 0;
        }
        SessionClicks copy = new SessionClicks(rawItems, new long[n], new int[n], new long[n]);
        for (int i = 0, k = 0; i < size; i++) {
            if (mask[i] == wanted) {
                copy.sessionIds[k] = sessionIds[i];
                copy.items[k] = items[i];
                copy.timesMs[k++] = timesMs[i];
            }
        }
        return copy;
    }

    private void retain(boolean[] keep) {
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (keep[i]) {
                sessionIds[k] = sessionIds[i];
                items[k] = items[i];
                timesMs[k++] = timesMs[i];
            }
        }
        size = k;
    }

    /** The catalogue of the items clicked here. */
    ItemIndex catalogue() {
        return ItemIndex.of(seenItems().mapToLong(rawItems::rawId).toArray());
    }

    /** The sessions as a table over {@code catalogue}, which must contain every item here. */
    SessionTable toTable(ItemIndex catalogue) {
        int sessions = sessions();
        long[] ids = new long[sessions];
        int[] offsets = new int[sessions + 1];
        int s = 0;
        for (int start = 0; start < size; start = sessionEnd(start)) {
            ids[s] = sessionIds[start];
            offsets[s++] = start;
        }
        offsets[sessions] = size;
        int[] dense = new int[size];
        for (int i = 0; i < size; i++) {
            dense[i] = catalogue.indexOf(rawItems.rawId(items[i]));
        }
        return new SessionTable(ids, offsets, dense, Arrays.copyOf(timesMs, size));
    }
}
