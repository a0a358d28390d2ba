package org.sessionrnn.bench;

/**
 * What {@code bench} measures.
 *
 * @param items     catalogue size of the models
 * @param embedding item embedding size
 * @param hidden    GRU units
 * @param batch     sequences per step
 * @param steps     input time steps
 * @param clicks    clicks in the synthetic raw file for preprocessing
 * @param repeats   timed repeats of every measurement (after warm-up)
 * @param batchesPerRepeat batches timed together in one repeat of a model measurement
 * @param seed      seed of all synthetic inputs and weights
 */
public record BenchSettings(int items, int embedding, int hidden, int batch, int steps, long clicks, int repeats,
                            int batchesPerRepeat, long seed) {
    public BenchSettings {
        if (items < 2 || embedding < 1 || hidden < 1 || batch < 1 || steps < 1 || clicks < 1 || repeats < 1
                || batchesPerRepeat < 1) {
            throw new IllegalArgumentException("bench settings must be positive (items >= 2): " + this);
        }
    }
}
