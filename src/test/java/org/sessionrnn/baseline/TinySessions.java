package org.sessionrnn.baseline;

import org.sessionrnn.data.SequenceBuilder;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;

/** Builds small session tables and their prefix sequences for tests. */
final class TinySessions {
    private TinySessions() {
    }

    /** A table holding {@code sessions} (dense item indices) in the given order, clicks one second apart. */
    static SessionTable table(int[]... sessions) {
        int total = 0;
        for (int[] s : sessions) {
            total += s.length;
        }
        long[] ids = new long[sessions.length];
        int[] offsets = new int[sessions.length + 1];
        int[] items = new int[total];
        long[] times = new long[total];
        int p = 0;
        for (int s = 0; s < sessions.length; s++) {
            ids[s] = s + 1;
            for (int item : sessions[s]) {
                items[p] = item;
                times[p] = 1000L * p;
                p++;
            }
            offsets[s + 1] = p;
        }
        return new SessionTable(ids, offsets, items, times);
    }

    /** Every prefix of every session (one per click that has a predecessor), session by session. */
    static SequenceSet allPrefixes(SessionTable table) {
        return SequenceBuilder.inSessionOrder(table);
    }
}
