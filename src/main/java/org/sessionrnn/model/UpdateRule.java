package org.sessionrnn.model;

import org.tensorflow.Session;
import org.tensorflow.op.Op;

/** An optimiser built into a graph: one op that applies a step, and the per-step scalars it is fed. */
interface UpdateRule {
    /** The op that applies one step. */
    Op update();

    /**
     * Feeds what step {@code step} (1-based) at {@code learningRate} needs, using {@code feeds}' scalars from
     * index 0 on.
     */
    Session.Runner feed(Session.Runner runner, long step, float learningRate, ReusableFeeds feeds);
}
