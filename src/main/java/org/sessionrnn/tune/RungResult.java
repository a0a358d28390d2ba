package org.sessionrnn.tune;

/**
 * What one trial achieved at one rung, on the validation split.
 *
 * @param rung      0-based rung
 * @param budget    the rung's epoch budget
 * @param epochs    epochs trained in all so far (fewer than the budget when early stopping ended training)
 * @param bestEpoch the epoch with the best validation Recall@k so far
 * @param recall    validation Recall@k of that epoch (NaN when the trial failed)
 * @param mrr       validation MRR@k of that epoch (NaN when the trial failed)
 * @param failure   why training failed, null when it did not
 */
public record RungResult(int rung, int budget, int epochs, int bestEpoch, double recall, double mrr,
                         String failure) {
    /** False when training failed at this rung. */
    public boolean ok() {
        return failure == null;
    }
}
