package org.sessionrnn.data;

/**
 * The teacher's training data for M3: for every sequence {@code [x1..xr] -> x(r+1)} of a set, the sequence
 * {@code x* = [xn, ..., x(r+2)] -> x(r+1)} whose input is the reversed future of the session (the
 * {@code maxLen} clicks nearest the label). Each becomes its own small session {@code [x*..., x(r+1)]} in a new
 * table, so the ordinary trainer and evaluator read it unchanged. A sequence whose label is its session's last
 * click gets an empty input.
 */
public final class PrivilegedSequences {
    private PrivilegedSequences() {
    }

    /** The privileged counterpart of every sequence of {@code set}, in the same order. */
    public static SequenceSet of(SequenceSet set, int maxLen) {
        int n = set.size();
        int[] offsets = new int[n + 1];
        int[] buffer = new int[maxLen];
        int clicks = 0;
        for (int i = 0; i < n; i++) {
            clicks += set.copyFutureReversed(i, maxLen, buffer, 0) + 1;
        }
        int[] items = new int[clicks];
        long[] times = new long[clicks];
        long[] ids = new long[n];
        int[] sessions = new int[n];
        int[] labelPositions = new int[n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            offsets[i] = p;
            ids[i] = i;
            sessions[i] = i;
            p += set.copyFutureReversed(i, maxLen, items, p);
            labelPositions[i] = p;
            items[p] = set.label(i);
            // times only order clicks; the label keeps its real time
            java.util.Arrays.fill(times, offsets[i], p + 1, set.labelTimeMs(i));
            p++;
        }
        offsets[n] = p;
        return new SequenceSet(new SessionTable(ids, offsets, items, times), sessions, labelPositions);
    }
}
