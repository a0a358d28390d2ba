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
 * @param warmupSteps      the learning rate rises linearly over this many first steps (0 = none)
 * @param learningRateDecay the learning rate of epoch {@code e} is {@code learningRate * decay^(e - 1)} (1 = none)
 */
public record TrainingConfig(int batchSize, float learningRate, int maxEpochs, int patience, double embeddingDropout,
                             int maxLength, int cutoff, long seed, long warmupSteps, double learningRateDecay) {
    /** A constant learning rate. */
    public TrainingConfig(int batchSize, float learningRate, int maxEpochs, int patience, double embeddingDropout,
                          int maxLength, int cutoff, long seed) {
        this(batchSize, learningRate, maxEpochs, patience, embeddingDropout, maxLength, cutoff, seed, 0, 1);
    }

    /**
     * The learning rate of optimiser step {@code step} (1-based, counted over the whole run) in epoch
     * {@code epoch}: a pure function of both, so a resumed run follows the same schedule.
     */
    public float learningRateAt(long step, int epoch) {
        double rate = learningRate * Math.pow(learningRateDecay, epoch - 1);
        if (warmupSteps > 0 && step < warmupSteps) {
            rate *= (double) step / warmupSteps;
        }
        return (float) rate;
    }
}
