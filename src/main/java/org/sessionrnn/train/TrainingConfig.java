package org.sessionrnn.train;

/**
 * How a model is trained.
 *
 * @param batchSize        sequences per step (512)
 * @param learningRate     Adam learning rate
 * @param maxEpochs        upper bound on epochs
 * @param patience         epochs without a better validation Recall@k before stopping
 * @param embeddingDropout probability of deleting each input click, drawn afresh every epoch
 * @param maxLength        input steps (19)
 * @param cutoff           k of the validation Recall@k that picks the best epoch
 * @param seed             seed of shuffling and click deletion
 */
public record TrainingConfig(int batchSize, float learningRate, int maxEpochs, int patience, double embeddingDropout,
                             int maxLength, int cutoff, long seed) {
}
