package org.sessionrnn.export;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The part of an inference graph that turns the GRU's final state into one score per item, higher meaning more
 * likely next. Its variables carry the names the training graph gave them, so a training checkpoint restores
 * into them.
 */
public interface ScoringHead {
    /** Adds the head's variables and ops to {@code tf}; returns scores {@code [rows, items]}. */
    Operand<TFloat32> scores(Ops tf, Operand<TFloat32> state);

    /** What a score is, for model.json: e.g. {@code logit} or {@code cosine}. */
    String scoreKind();
}
