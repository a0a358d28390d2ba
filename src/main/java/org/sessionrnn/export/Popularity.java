package org.sessionrnn.export;

import java.util.stream.IntStream;
import org.sessionrnn.data.SessionTable;

/** Training clicks per item: the fallback recommendation for a session with no known item. */
public final class Popularity {
    /** At least this many popular items are kept in an export. */
    public static final int KEPT = 100;

    private Popularity() {
    }

    /** Clicks of every item index in {@code train}. */
    public static long[] clicks(SessionTable train, int items) {
        long[] counts = new long[items];
        for (int p = 0; p < train.clicks(); p++) {
            counts[train.item(p)]++;
        }
        return counts;
    }

    /** The {@code n} most clicked item indices, most clicked first, ties in ascending index. */
    public static int[] mostClicked(long[] clicks, int n) {
        return IntStream.range(0, clicks.length).boxed()
                .sorted((a, b) -> clicks[a] != clicks[b] ? Long.compare(clicks[b], clicks[a]) : Integer.compare(a, b))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }
}
