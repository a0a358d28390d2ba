package org.sessionrnn.train;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.SessionModel;

/**
 * The validation pass that {@link Trainer} runs after every epoch. Measuring belongs to the evaluation stage,
 * which stands above training, so the caller hands its implementation in
 * ({@code org.sessionrnn.eval.ValidationRanking}).
 */
@FunctionalInterface
public interface Validation {
    /** Validation Recall@k and MRR@k of {@code model} over every sequence of {@code validation}. */
    Score score(SessionModel model, SequenceSet validation, int items);

    /**
     * One validation pass's metrics.
     *
     * @param recall Recall@k
     * @param mrr    MRR@k
     */
    record Score(double recall, double mrr) {
    }
}
