package org.sessionrnn.train;

import java.util.SplittableRandom;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.Batch;

/**
 * Fills training batches from prefix sequences, applying the paper's embedding dropout as what it is
 * equivalent to: deleting each input click with probability {@code p}, independently per sequence and epoch.
 * A sequence may lose all its clicks; the model then sees only padding, as it would see all-zero embeddings.
 */
final class BatchAssembler {
    private final double dropout;
    private final int[] clicks;
    private final int maxLength;

    BatchAssembler(int maxLength, double dropout) {
        this.maxLength = maxLength;
        this.dropout = dropout;
        this.clicks = new int[maxLength];
    }

    /** Fills {@code batch} with sequences {@code order[from..to-1]} of {@code set}. */
    void fill(Batch batch, SequenceSet set, int[] order, int from, int to, SplittableRandom rng) {
        batch.clear();
        for (int k = from; k < to; k++) {
            int i = order[k];
            int n = set.copyInput(i, maxLength, clicks, 0);
            if (dropout > 0) {
                n = dropClicks(n, rng);
            }
            batch.add(clicks, n, set.label(i), i);
        }
    }

    private int dropClicks(int n, SplittableRandom rng) {
        int kept = 0;
        for (int j = 0; j < n; j++) {
            if (rng.nextDouble() >= dropout) {
                clicks[kept++] = clicks[j];
            }
        }
        return kept;
    }
}
