package org.sessionrnn.baseline;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SessionTable;

import java.util.Arrays;

/**
 * The training clicks a baseline learns from, grouped by session in time order (CSR layout: session {@code s}
 * owns positions {@code start(s) .. end(s)-1}).
 *
 * <p>For a training {@link SequenceSet} (a fraction of the most recent prefix sequences) the clicks are, per
 * session, the union of every sequence's input window (its last {@code maxLength} input positions) and its label
 * position. When all prefixes of a session are present this is the whole session, even if it is longer than
 * {@code maxLength}: the first click is the input of the session's first prefix. With fraction 1 the baselines
 * therefore see exactly GRU4Rec's full training set.
 */
public final class TrainingClicks {
    private final int[] offsets;
    private final int[] items;

    /**
     * @param offsets start of each session plus a final entry equal to {@code items.length}
     * @param items   dense item index of each click, grouped by session
     */
    public TrainingClicks(int[] offsets, int[] items) {
        if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != items.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.offsets = offsets;
        this.items = items;
    }

    /** The clicks covered by {@code sequences} when inputs are truncated to the last {@code maxLength} clicks. */
    public static TrainingClicks of(SequenceSet sequences, int maxLength) {
        SessionTable table = sequences.table();
        boolean[] covered = new boolean[table.clicks()];
        boolean[] usedSession = new boolean[table.sessions()];
        for (int i = 0; i < sequences.size(); i++) {
            int session = sequences.session(i);
            int label = sequences.labelPos(i);
            usedSession[session] = true;
            int first = Math.max(table.offset(session), label - Math.max(0, maxLength));
            Arrays.fill(covered, first, label + 1, true);
        }
        return collect(table, covered, usedSession);
    }

    private static TrainingClicks collect(SessionTable table, boolean[] covered, boolean[] usedSession) {
        int total = 0;
        int sessions = 0;
        for (int s = 0; s < table.sessions(); s++) {
            if (usedSession[s]) {
                sessions++;
                for (int p = table.offset(s); p < table.end(s); p++) {
                    total += covered[p] ? 1 : 0;
                }
            }
        }
        int[] offsets = new int[sessions + 1];
        int[] items = new int[total];
        int n = 0;
        int k = 0;
        for (int s = 0; s < table.sessions(); s++) {
            if (!usedSession[s]) {
                continue;
            }
            for (int p = table.offset(s); p < table.end(s); p++) {
                if (covered[p]) {
                    items[n++] = table.item(p);
                }
            }
            offsets[++k] = n;
        }
        return new TrainingClicks(offsets, items);
    }

    public int sessions() {
        return offsets.length - 1;
    }

    public int clicks() {
        return items.length;
    }

    public int start(int session) {
        return offsets[session];
    }

    public int end(int session) {
        return offsets[session + 1];
    }

    public int item(int position) {
        return items[position];
    }

    /** Number of clicks on each of the {@code itemCount} catalogue items (GRU4Rec's {@code supp_i}). */
    public int[] supports(int itemCount) {
        int[] support = new int[itemCount];
        for (int item : items) {
            support[item]++;
        }
        return support;
    }
}
