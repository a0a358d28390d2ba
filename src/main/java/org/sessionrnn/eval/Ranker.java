package org.sessionrnn.eval;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.Batch;

/**
 * Anything that ranks all catalogue items for a batch of prefixes and reports where each prefix's target
 * landed. GRU models compute ranks inside their graph; baselines compute scores in Java and use
 * {@link Ranks}. The {@link Evaluator} drives every ranker the same way.
 */
public interface Ranker {
    /**
     * Ranks sequences {@code from..to-1} of {@code sequences}; writes the target's standard rank and
     * conservative rank of sequence {@code from + j} into {@code standard[j]} and {@code conservative[j]}.
     */
    void rank(SequenceSet sequences, int from, int to, int[] standard, int[] conservative);

    /**
     * Refills {@code batch} with sequences {@code from..to-1} of {@code sequences}: their inputs and labels, as a
     * GRU model's ranking reads them ({@code clicks} is scratch space of the batch's length).
     */
    static void fill(Batch batch, int[] clicks, SequenceSet sequences, int from, int to) {
        batch.clear();
        for (int i = from; i < to; i++) {
            int n = sequences.copyInput(i, batch.steps(), clicks, 0);
            batch.add(clicks, n, sequences.label(i));
        }
    }

    /** Preferred batch size for {@link #rank}. */
    default int batchSize() {
        return 512;
    }
}
