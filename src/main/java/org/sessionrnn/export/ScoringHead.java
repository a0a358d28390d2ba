package org.sessionrnn.export;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The inference graph of one kind of output layer: the training code's GRU encoder over a padded batch of clicks
 * and the layer that turns its final state into one score per item, higher meaning more likely next. Its
 * variables carry the names the training graph gave them, so a training checkpoint restores into them. The head
 * builds the encoder too because an output layer may share a variable with it (a tied embedding).
 */
public interface ScoringHead {
    /**
     * Adds the encoder and the head's variables and ops to {@code tf}; returns scores {@code [rows, items]} for
     * {@code clicks [rows, steps]} (item indices, right-aligned, {@code -1} where there is no click).
     */
    Operand<TFloat32> scores(Ops tf, Operand<TInt32> clicks, int steps);

    /** What a score is, for model.json: e.g. {@code logit} or {@code cosine}. */
    String scoreKind();
}
