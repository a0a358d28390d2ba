package org.sessionrnn.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A block without its written-out gradients: TensorFlow derives them all. Trained beside the block itself, it is
 * the reference its written gradients are checked against.
 */
record DerivedGradients(ForwardBlock inner) implements ForwardBlock {
    @Override
    public Operand<TFloat32> scores(Clicks clicks) {
        return inner.scores(clicks);
    }

    @Override
    public List<Variable<TFloat32>> variables() {
        return inner.variables();
    }

    @Override
    public String scoreKind() {
        return inner.scoreKind();
    }

    @Override
    public Session.Runner feedTraining(Session.Runner runner, long step) {
        return inner.feedTraining(runner, step);
    }

    @Override
    public void close() {
        inner.close();
    }
}
