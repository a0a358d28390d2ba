package org.sessionrnn.tune;

import java.util.List;

/**
 * A trial with its results so far and where it stands in the search.
 *
 * @param trial  the drawn setting
 * @param rungs  its results, one per finished rung, in rung order
 * @param status {@code best}, {@code completed} (finished the last rung), {@code pruned_r<k>} (not kept after
 *               rung k), {@code failed_r<k>} (training failed at rung k) or {@code pending} (not evaluated yet, or
 *               the time budget ran out first)
 */
public record TrialOutcome(Trial trial, List<RungResult> rungs, String status) {
    public TrialOutcome {
        rungs = List.copyOf(rungs);
    }

    /** The result of the highest finished rung; null when none. */
    public RungResult last() {
        return rungs.isEmpty() ? null : rungs.get(rungs.size() - 1);
    }
}
