package org.sessionrnn.model;

import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.Operand;

/**
 * What a neural model minimises, over its block's scores for the training rows and their labels. A loss may
 * read more than the scores (a teacher's input, sampled candidates): it feeds those itself at every step.
 */
public interface Loss {
    /** Adds the loss and its gradient at some intermediate of the graph; called once, after the block's scores. */
    LossAndGradient build(Ops tf, ForwardBlock block, Operand<TFloat32> scores, Placeholder<TInt32> labels);

    /** Feeds what the loss reads beyond the inputs and labels for {@code batch}; nothing by default. */
    default Session.Runner feed(Session.Runner runner, Batch batch) {
        return runner;
    }

    /**
     * Feeds what the loss reads for optimiser step {@code step} of training (e.g. that step's sampled
     * candidates); {@link #feed} by default.
     */
    default Session.Runner feedTraining(Session.Runner runner, Batch batch, long step) {
        return feed(runner, batch);
    }

    /** Sets the loss's own variables (e.g. a teacher's trained weights) after the initialisers ran. */
    default void initialise(Ops tf, Session session) {
    }

    /** Frees what the loss holds outside the graph. */
    default void close() {
    }
}
