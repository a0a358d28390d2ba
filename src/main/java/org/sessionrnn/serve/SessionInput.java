package org.sessionrnn.serve;

import java.util.ArrayList;
import java.util.List;

/**
 * A session as a client sends it: raw item ids, oldest click first, plus the tokens that could not be read as
 * item ids (reported back as skipped, like unknown ids).
 *
 * @param ids       the ids read
 * @param unreadable tokens that are not integers
 */
public record SessionInput(long[] ids, List<String> unreadable) {
    public SessionInput {
        unreadable = List.copyOf(unreadable);
    }

    /** A session of ids only. */
    public static SessionInput of(long... ids) {
        return new SessionInput(ids, List.of());
    }

    /** One line of text: item ids separated by spaces, tabs or commas. */
    public static SessionInput parse(String line) {
        List<String> bad = new ArrayList<>();
        long[] ids = new long[8];
        int n = 0;
        for (String token : line.trim().split("[\\s,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            try {
                long id = Long.parseLong(token);
                if (n == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = id;
            } catch (NumberFormatException e) {
                bad.add(token);
            }
        }
        return new SessionInput(java.util.Arrays.copyOf(ids, n), bad);
    }
}
