package org.sessionrnn.train;

import java.util.SplittableRandom;
import org.sessionrnn.data.SequenceBuilder;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;

/**
 * Test data with a planted pattern: every session walks the fixed permutation {@code next = (7 * item + 3) mod m},
 * starting at a random item, so the next click is a deterministic function of the last one.
 */
public final class PlantedSessions {
    private PlantedSessions() {
    }

    public static SessionTable table(int sessions, int items, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] lengths = new int[sessions];
        int clicks = 0;
        for (int s = 0; s < sessions; s++) {
            lengths[s] = 2 + rng.nextInt(6);
            clicks += lengths[s];
        }
        long[] ids = new long[sessions];
        int[] offsets = new int[sessions + 1];
        int[] itemArr = new int[clicks];
        long[] times = new long[clicks];
        int p = 0;
        for (int s = 0; s < sessions; s++) {
            ids[s] = s;
            offsets[s] = p;
            int item = rng.nextInt(items);
            for (int k = 0; k < lengths[s]; k++) {
                itemArr[p] = item;
                times[p] = 1000L * p;
                item = (7 * item + 3) % items;
                p++;
            }
        }
        offsets[sessions] = p;
        return new SessionTable(ids, offsets, itemArr, times);
    }

    /** All prefix sequences of the table, in session order. */
    public static SequenceSet prefixes(SessionTable t) {
        return SequenceBuilder.inSessionOrder(t);
    }
}
