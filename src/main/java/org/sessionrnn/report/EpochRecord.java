package org.sessionrnn.report;

/**
 * One training epoch as recorded in run.json.
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
}
