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
}
