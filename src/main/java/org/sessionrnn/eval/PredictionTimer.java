package org.sessionrnn.eval;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.SessionModel;

/**
 * Table 2's batch prediction time: the wall time to produce the top-k items of a batch of test prefixes
 * (forward pass and top-k over all items), measured after warm-up over at least {@code batches} batches,
 * cycling through the test prefixes when there are fewer.
 *
 * @param batchSize prefixes per batch
 * @param warmup    batches run before timing
 * @param batches   batches timed
 */
public record PredictionTimer(int batchSize, int warmup, int batches) {

    /** Mean and standard deviation of the batch prediction time in milliseconds. */
    public Timing measure(SessionModel model, SequenceSet test, int maxLength, int items, int k) {
        Batch batch = new Batch(batchSize, maxLength, items);
        int[] clicks = new int[maxLength];
        int[] top = new int[batchSize * k];
        SummaryStatistics stats = new SummaryStatistics();
        int next = 0;
        for (int b = 0; b < warmup + batches; b++) {
            batch.clear();
            for (int j = 0; j < batchSize; j++) {
                int n = test.copyInput(next, maxLength, clicks, 0);
                batch.add(clicks, n, test.label(next));
                next = (next + 1) % test.size();
            }
            long start = System.nanoTime();
            model.predictTopK(batch, k, top);
            double ms = (System.nanoTime() - start) / 1e6;
            if (b >= warmup) {
                stats.addValue(ms);
            }
        }
        return new Timing(stats.getMean(), stats.getStandardDeviation(), batches);
    }

    /**
     * @param meanMs  mean batch time
     * @param sdMs    its sample standard deviation
     * @param batches how many batches were timed
     */
    public record Timing(double meanMs, double sdMs, int batches) {
    }
}
