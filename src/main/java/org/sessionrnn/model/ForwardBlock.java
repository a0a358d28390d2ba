package org.sessionrnn.model;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.Operand;

/**
 * The forward pass of a neural model: its variables (made in its constructor through {@link Parameters}) and
 * the scores {@code [rows, items]} it computes from them, higher meaning more likely next. It is written once
 * and read twice: {@link NeuralModel} builds the training graph from packed input, an export builds the
 * inference graph from padded input ({@link Clicks}); both have the same variable names, so a training
 * checkpoint restores into either. A {@link BlockMaker} makes a block in a graph.
 */
public interface ForwardBlock {
    /** Adds the ops that score every item for each row of {@code clicks}; called once per graph. */
    Operand<TFloat32> scores(Clicks clicks);

    /** The variables training updates, in a fixed order; the parameters counted in Table 2. */
    List<Variable<TFloat32>> variables();

    /** What a score is, for an export's model.json: e.g. {@code logit} or {@code cosine}. */
    String scoreKind();

    /**
     * The gradients of {@link #variables()}, in order, when the block writes them out itself for this loss
     * (faster than TensorFlow's gradient graph); null leaves them to {@code Graph.addGradients}.
     */
    default Output<?>[] writtenGradients(Graph graph, Ops tf, LossAndGradient loss) {
        return null;
    }

    /** Feeds what the block's training-time ops read at optimiser step {@code step} (e.g. a dropout seed). */
    default Session.Runner feedTraining(Session.Runner runner, long step) {
        return runner;
    }

    /** Sets variables from values known before training (after the initialisers ran); nothing by default. */
    default void initialise(Ops tf, Session session) {
    }

    /** Frees what the block holds outside the graph. */
    default void close() {
    }
}
