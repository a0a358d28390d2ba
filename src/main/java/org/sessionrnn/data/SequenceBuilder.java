package org.sessionrnn.data;

/**
 * Turns sessions into the paper's prefix sequences (section 3.2): every click that has a predecessor in its
 * session is the label of one sequence whose input is the clicks before it.
 */
public final class SequenceBuilder {
    private SequenceBuilder() {
    }

    /** All prefix sequences, session by session and by position within a session (for evaluation). */
    public static SequenceSet inSessionOrder(SessionTable table) {
        int n = Math.toIntExact(table.prefixCount());
        int[] sessions = new int[n];
        int[] labels = new int[n];
        int k = 0;
        for (int s = 0; s < table.sessions(); s++) {
            for (int p = table.offset(s) + 1; p < table.end(s); p++) {
                sessions[k] = s;
                labels[k++] = p;
            }
        }
        return new SequenceSet(table, sessions, labels);
    }

    /**
     * All prefix sequences ordered by the time of their label, ties kept in table order, so that the most
     * recent fractions of training data (section 4) are suffixes of this set.
     */
    public static SequenceSet inLabelTimeOrder(SessionTable table) {
        SequenceSet bySession = inSessionOrder(table);
        int[] order = new int[bySession.size()];
        boolean sorted = true;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            sorted &= i == 0 || bySession.labelTimeMs(i - 1) <= bySession.labelTimeMs(i);
        }
        if (!sorted) {
            StableIntSort.sort(order, (a, b) -> Long.compare(bySession.labelTimeMs(a), bySession.labelTimeMs(b)));
        }
        return bySession.select(order);
    }
}
