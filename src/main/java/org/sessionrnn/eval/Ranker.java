package org.sessionrnn.eval;

import org.sessionrnn.data.SequenceSet;

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

    /** Preferred batch size for {@link #rank}. */
    default int batchSize() {
        return 512;
    }
}
