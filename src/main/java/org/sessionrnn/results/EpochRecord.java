package org.sessionrnn.results;

import java.util.List;

/**
 * What one training epoch did, as the trainer reports it and as run.json and checkpoint states record it.
 *
 * @param epoch              1-based epoch number
 * @param loss               mean training loss over the epoch
 * @param validationRecall   Recall@k on the validation split after the epoch
 * @param validationMrr      MRR@k on the validation split after the epoch
 * @param seconds            wall time of the epoch (training and validation)
 * @param sequencesPerSecond training throughput
 */
public record EpochRecord(int epoch, double loss, double validationRecall, double validationMrr, double seconds,
                          double sequencesPerSecond) {
    /** Validation Recall@k of {@code epoch} in {@code history}, NaN if it is not there (e.g. epoch 0: none). */
    public static double recallOf(List<EpochRecord> history, int epoch) {
        return history.stream().filter(e -> e.epoch() == epoch).mapToDouble(EpochRecord::validationRecall)
                .findFirst().orElse(Double.NaN);
    }
}
