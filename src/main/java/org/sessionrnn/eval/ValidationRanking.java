package org.sessionrnn.eval;

import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.train.TrainingConfig;
import org.sessionrnn.train.Validation;

/**
 * Training's validation pass: ranks every validation prefix with the model being trained, in batches of the
 * training batch size, and reports Recall@k and MRR@k at the training configuration's cutoff.
 */
public final class ValidationRanking implements Validation {
    private final TrainingConfig config;

    /** The validation pass of a model trained with {@code config}. */
    public ValidationRanking(TrainingConfig config) {
        this.config = config;
    }

    @Override
    public Score score(SessionModel model, SequenceSet validation, int items) {
        EvaluationResult result = new Evaluator(config.cutoff()).evaluate(
                new ModelRanker(model, config.batchSize(), config.maxLength(), items), validation);
        return new Score(result.metrics().recall(), result.metrics().mrr());
    }
}
