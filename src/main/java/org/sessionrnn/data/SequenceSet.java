package org.sessionrnn.data;

/**
 * Prefix sequences over a {@link SessionTable}: sequence {@code i} has its label at click position
 * {@code labelPos(i)} and its input is the clicks of the same session before that position (the last
 * {@code maxLen} of them). The order of the sequences is meaningful (for training sets: by label time).
 */
public final class SequenceSet {
    private final SessionTable table;
    private final int[] sessions;
    private final int[] labelPositions;

    public SequenceSet(SessionTable table, int[] sessions, int[] labelPositions) {
        if (sessions.length != labelPositions.length) {
            throw new IllegalArgumentException("sessions and label positions differ in length");
        }
        this.table = table;
        this.sessions = sessions;
        this.labelPositions = labelPositions;
    }

    public SessionTable table() {
        return table;
    }

    public int size() {
        return labelPositions.length;
    }

    public int session(int i) {
        return sessions[i];
    }

    public int labelPos(int i) {
        return labelPositions[i];
    }

    /** Dense item index of the label (the next click). */
    public int label(int i) {
        return table.item(labelPositions[i]);
    }

    public long labelTimeMs(int i) {
        return table.timeMs(labelPositions[i]);
    }

    /**
     * Copies the input clicks of sequence {@code i} (at most the last {@code maxLen}, oldest first) into
     * {@code dst} starting at {@code dstOffset} and returns how many were copied.
     */
    public int copyInput(int i, int maxLen, int[] dst, int dstOffset) {
        int end = labelPositions[i];
        int start = Math.max(table.offset(sessions[i]), end - maxLen);
        for (int p = start; p < end; p++) {
            dst[dstOffset + p - start] = table.item(p);
        }
        return end - start;
    }

    /**
     * Copies the privileged (future) sequence of {@code i} for distillation: the clicks after the label, in
     * reverse order {@code [xn, ..., x(r+2)]}, keeping the {@code maxLen} nearest to the label. Returns the
     * count, 0 when the label is the session's last click.
     */
    public int copyFutureReversed(int i, int maxLen, int[] dst, int dstOffset) {
        int first = labelPositions[i] + 1;
        int last = Math.min(table.end(sessions[i]), first + maxLen) - 1;
        int n = 0;
        for (int p = last; p >= first; p--) {
            dst[dstOffset + n++] = table.item(p);
        }
        return n;
    }

    /** The sequences at the given indices, in that order. */
    public SequenceSet select(int[] indices) {
        int[] s = new int[indices.length];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            s[k] = sessions[indices[k]];
            l[k] = labelPositions[indices[k]];
        }
        return new SequenceSet(table, s, l);
    }

    /** Sequences {@code from} (inclusive) to {@code to} (exclusive). */
    public SequenceSet range(int from, int to) {
        return new SequenceSet(table, java.util.Arrays.copyOfRange(sessions, from, to),
                java.util.Arrays.copyOfRange(labelPositions, from, to));
    }
}
