package org.sessionrnn.serve;

import java.util.List;

/**
 * The next items recommended for one session.
 *
 * @param items    raw item ids, best first
 * @param scores   their scores (the model's, or training clicks for the popularity fallback)
 * @param skipped  the session's ids that are not in the model's catalogue, in input order
 * @param popular  true when the session had no known item and {@code items} are the most clicked items
 */
public record Recommendation(long[] items, float[] scores, List<String> skipped, boolean popular) {
    public Recommendation {
        skipped = List.copyOf(skipped);
    }
}
