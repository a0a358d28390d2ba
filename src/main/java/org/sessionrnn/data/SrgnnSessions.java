package org.sessionrnn.data;

/**
 * Sessions rebuilt from an {@link SrgnnFile}, with the file's own prefixes located in them. SR-GNN writes a
 * session {@code s} as the entries {@code (s[:-1], s[-1]), (s[:-2], s[-2]), ..., (s[:1], s[1])}: each entry's
 * prefix plus its label is the previous entry's prefix. A run of entries linked that way is one session,
 * {@code prefix + [label]} of its first entry; a run may begin anywhere (the first session of a file may be cut)
 * and end anywhere, so every entry of the file is one prefix of exactly one rebuilt session and no other prefix
 * is invented. The rebuilt prefixes equal the file's entries whatever the file's order.
 *
 * <p>Sessions get ids 1, 2, ... in file order (after {@code firstId}) and synthetic click times that increase in
 * file order, one second per click: the files carry no times, but they are in date order, so recent fractions and
 * time-ordered hold-outs keep their meaning.
 *
 * @param table       the sessions
 * @param inFileOrder the file's prefixes, in file order (for test files: evaluated exactly as given)
 * @param byTime      the same prefixes ordered by the time of their label
 */
record SrgnnSessions(SessionTable table, SequenceSet inFileOrder, SequenceSet byTime) {
    /** One second per click. */
    private static final long CLICK_MS = 1000;

    /**
     * The sessions of {@code file}: rebuilt from its prefix entries, or taken as they are from a list of sessions
     * (then every prefix of every session is a sequence).
     *
     * @param firstId  the id of the first session minus one
     * @param firstMs  the time of the first click
     */
    static SrgnnSessions of(SrgnnFile file, long firstId, long firstMs) {
        return file.hasLabels() ? rebuilt(file, firstId, firstMs) : whole(file, firstId, firstMs);
    }

    private static SrgnnSessions whole(SrgnnFile file, long firstId, long firstMs) {
        SessionTable table = table(file.offsets(), file.items(), firstId, firstMs);
        return new SrgnnSessions(table, SequenceBuilder.inSessionOrder(table),
                SequenceBuilder.inLabelTimeOrder(table));
    }

    private static SrgnnSessions rebuilt(SrgnnFile file, long firstId, long firstMs) {
        int n = file.lists();
        int[] chainStart = new int[n];
        int chains = 0;
        long clicks = 0;
        for (int k = 0; k < n; k++) {
            if (k == 0 || !continues(file, k)) {
                chainStart[chains++] = k;
                clicks += file.length(k) + 1;
            }
        }
        if (clicks > Integer.MAX_VALUE - 8) {
            throw new DataException("too many clicks in the rebuilt sessions: " + clicks);
        }
        int[] offsets = new int[chains + 1];
        int[] items = new int[(int) clicks];
        int[] entrySession = new int[n];
        int[] entryLabel = new int[n];
        int p = 0;
        for (int c = 0; c < chains; c++) {
            int head = chainStart[c];
            int end = c + 1 < chains ? chainStart[c + 1] : n;
            offsets[c] = p;
            System.arraycopy(file.items(), file.offsets()[head], items, p, file.length(head));
            items[p + file.length(head)] = file.labels()[head];
            for (int k = head; k < end; k++) {
                entrySession[k] = c;
                entryLabel[k] = p + file.length(k);
            }
            p += file.length(head) + 1;
        }
        offsets[chains] = p;
        SessionTable table = table(offsets, items, firstId, firstMs);
        return new SrgnnSessions(table, new SequenceSet(table, entrySession, entryLabel),
                byTime(table, chainStart, chains, entrySession, entryLabel));
    }

    /** Whether entry {@code k} is the next shorter prefix of entry {@code k - 1}'s session. */
    private static boolean continues(SrgnnFile file, int k) {
        int length = file.length(k);
        if (length != file.length(k - 1) - 1) {
            return false;
        }
        int[] items = file.items();
        int previous = file.offsets()[k - 1];
        int current = file.offsets()[k];
        for (int j = 0; j < length; j++) {
            if (items[previous + j] != items[current + j]) {
                return false;
            }
        }
        return items[previous + length] == file.labels()[k];
    }

    /** Within a session the shortest prefix comes first: its label is the earliest click. */
    private static SequenceSet byTime(SessionTable table, int[] chainStart, int chains, int[] entrySession,
                                      int[] entryLabel) {
        int n = entrySession.length;
        int[] sessions = new int[n];
        int[] labels = new int[n];
        int i = 0;
        for (int c = 0; c < chains; c++) {
            int end = c + 1 < chains ? chainStart[c + 1] : n;
            for (int k = end - 1; k >= chainStart[c]; k--) {
                sessions[i] = entrySession[k];
                labels[i++] = entryLabel[k];
            }
        }
        return new SequenceSet(table, sessions, labels);
    }

    private static SessionTable table(int[] offsets, int[] rawIds, long firstId, long firstMs) {
        int sessions = offsets.length - 1;
        long[] ids = new long[sessions];
        for (int s = 0; s < sessions; s++) {
            ids[s] = firstId + s + 1;
        }
        int[] dense = new int[rawIds.length];
        long[] times = new long[rawIds.length];
        for (int p = 0; p < rawIds.length; p++) {
            // the catalogue is every id 1..max, so the dense index is the id minus one
            dense[p] = rawIds[p] - 1;
            times[p] = firstMs + p * CLICK_MS;
        }
        return new SessionTable(ids, offsets, dense, times);
    }
}
