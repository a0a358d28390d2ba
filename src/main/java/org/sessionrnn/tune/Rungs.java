package org.sessionrnn.tune;

import java.util.ArrayList;
import java.util.List;
import org.sessionrnn.spec.SearchSpec;

/**
 * The successive-halving schedule. Rung {@code r} of {@code k + 1} trains its trials to
 * {@code floor(max_epochs / eta^(k - r))} epochs in all, with {@code k} the largest number for which the first
 * rung still gets {@code min_epochs}; each rung keeps the best {@code floor(n / eta)} of its {@code n} trials
 * (at least one) for the next.
 */
public final class Rungs {
    private Rungs() {
    }

    /** The epoch budget of each rung, strictly increasing, the last one {@code max_epochs}. */
    public static List<Integer> budgets(SearchSpec search) {
        List<Integer> budgets = new ArrayList<>();
        long divisor = 1;
        while (search.maxEpochs() / divisor >= search.minEpochs()) {
            int budget = (int) (search.maxEpochs() / divisor);
            if (budgets.isEmpty() || budget < budgets.get(0)) {
                budgets.add(0, budget);
            }
            if (divisor > Integer.MAX_VALUE / search.eta()) {
                break;
            }
            divisor *= search.eta();
        }
        return List.copyOf(budgets);
    }

    /** How many of {@code n} trials a rung passes on to the next. */
    public static int survivors(int n, int eta) {
        return Math.max(1, n / eta);
    }
}
