package org.sessionrnn.spec;

import java.util.List;

/**
 * The {@code search} section of a spec, read by the {@code tune} command: which variant to tune, which of its
 * keys to draw and how, and the successive-halving schedule.
 *
 * @param variant       label of the tuned variant
 * @param trials        how many settings to draw (at least 1)
 * @param eta           each rung keeps the best {@code 1/eta} of its trials (at least 2)
 * @param minEpochs     epoch budget of the first rung
 * @param maxEpochs     epoch budget of the last rung, also the {@code max_epochs} of the best setting's final run
 * @param seed          seed of the draws; the same seed draws the same settings
 * @param budgetMinutes wall-clock limit of the selection in minutes, infinite for none
 * @param params        the searched keys, in spec order
 */
public record SearchSpec(String variant, int trials, int eta, int minEpochs, int maxEpochs, long seed,
                         double budgetMinutes, List<SearchParam> params) {
    public SearchSpec {
        params = List.copyOf(params);
    }
}
