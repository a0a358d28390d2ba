package org.sessionrnn.train;

/**
 * What one epoch did.
 *
 * @param epoch              1-based
 * @param loss               mean training loss
 * @param validationRecall   validation Recall@k after the epoch
 * @param validationMrr      validation MRR@k after the epoch
 * @param seconds            wall time, training plus validation
 * @param sequencesPerSecond training throughput
 */
public record EpochStats(int epoch, double loss, double validationRecall, double validationMrr, double seconds,
                         double sequencesPerSecond) {
    /** Validation Recall@k of {@code epoch} in {@code history}, NaN if it is not there (e.g. epoch 0: none). */
    public static double recallOf(java.util.List<EpochStats> history, int epoch) {
        return history.stream().filter(e -> e.epoch() == epoch).mapToDouble(EpochStats::validationRecall)
                .findFirst().orElse(Double.NaN);
    }
}
