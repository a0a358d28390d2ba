package org.sessionrnn.model;

/**
 * A batch of right-aligned input rows rewritten in the layout {@link GruEncoder} reads: rows sorted by length
 * (longest first, ties in row order) and the clicks stored time step by time step, only for the rows that have
 * a click at that step. Because rows are right-aligned, a row that has started stays active to the last step,
 * so at step {@code t} the active rows are the first {@code k_t} sorted rows, and {@code k_t} only grows: the
 * encoder's state at step {@code t} is the previous state with {@code k_t - k_(t-1)} zero rows appended.
 * Padding is never computed, which is where the GRU's time went when every row ran every step.
 */
final class PackedSequences {
    private final int steps;
    private final int[] stepRows;
    private final int[] paddings;
    private final int[] countByLength;
    private int[] clicks = new int[0];
    private int[] restore = new int[0];
    private int[] sorted = new int[0];
    private int rows;
    private int total;

    /** @param steps time steps per row */
    PackedSequences(int steps) {
        this.steps = steps;
        this.stepRows = new int[steps];
        this.paddings = new int[(steps + 1) * 4];
        this.countByLength = new int[steps + 2];
    }

    /**
     * Packs {@code n} rows of {@code inputs} (row-major, {@code steps} per row, right-aligned) whose real clicks
     * number {@code lengths[r]}.
     */
    void pack(int[] inputs, int[] lengths, int n) {
        if (n > sorted.length) {
            clicks = new int[n * steps];
            restore = new int[n];
            sorted = new int[n];
        }
        sortByLengthDescending(lengths, n);
        int active = 0;
        int pos = 0;
        int[] started = countByLength; // reused: started[t] = rows whose length is at least steps - t
        for (int t = 0; t < steps; t++) {
            int now = started[t];
            for (int j = 0; j < now; j++) {
                clicks[pos++] = inputs[sorted[j] * steps + t];
            }
            stepRows[t] = now;
            setPadding(t, now - active);
            active = now;
        }
        setPadding(steps, n - active);
        this.rows = n;
        this.total = pos;
    }

    /**
     * Counting sort by length, longest first and stable; leaves in {@code countByLength[t]} the number of rows
     * with at least {@code steps - t} clicks.
     */
    private void sortByLengthDescending(int[] lengths, int n) {
        java.util.Arrays.fill(countByLength, 0);
        for (int r = 0; r < n; r++) {
            int length = lengths[r];
            if (length < 0 || length > steps) {
                throw new IllegalArgumentException("row " + r + " has length " + length + ", steps " + steps);
            }
            countByLength[steps - length]++; // slot 0 = longest
        }
        int[] start = new int[steps + 2];
        for (int s = 1; s <= steps + 1; s++) {
            start[s] = start[s - 1] + countByLength[s - 1];
        }
        for (int r = 0; r < n; r++) {
            int slot = steps - lengths[r];
            int j = start[slot]++;
            sorted[j] = r;
            restore[r] = j;
        }
        // rows with length >= steps - t occupy slots 0..t
        int cumulative = 0;
        for (int t = 0; t <= steps; t++) {
            cumulative += countByLength[t];
            countByLength[t] = cumulative;
        }
    }

    private void setPadding(int t, int newRows) {
        int at = t * 4;
        paddings[at] = 0;
        paddings[at + 1] = newRows;
        paddings[at + 2] = 0;
        paddings[at + 3] = 0;
    }

    /** Clicks of all active rows, step by step; only the first {@link #total()} entries are valid. */
    int[] clicks() {
        return clicks;
    }

    /** Number of packed clicks. */
    int total() {
        return total;
    }

    /** Active rows per time step, {@code [steps]}. */
    int[] stepRows() {
        return stepRows;
    }

    /**
     * {@code [steps + 1, 2, 2]} pad amounts: entry {@code t < steps} appends the rows starting at step {@code t}
     * to the state, entry {@code steps} appends the rows without any click.
     */
    int[] paddings() {
        return paddings;
    }

    /** For each original row, its position in the sorted order; only the first {@link #rows()} are valid. */
    int[] restore() {
        return restore;
    }

    int rows() {
        return rows;
    }

    int steps() {
        return steps;
    }
}
