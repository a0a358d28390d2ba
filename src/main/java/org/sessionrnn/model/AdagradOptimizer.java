package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adagrad with momentum as GRU4Rec trains (its {@code IndexedAdagradM}, dense form): per entry
 * {@code acc += g^2; mom = momentum * mom - lr * g / sqrt(acc + eps); v += mom}. With momentum 0 this is plain
 * Adagrad (Duchi, Hazan and Singer 2011).
 */
final class AdagradOptimizer implements UpdateRule {
    static final float EPSILON = 1e-6f;

    private final Placeholder<TFloat32> learningRate;
    private final Op update;

    /** Builds the update of {@code variables} along {@code gradients} (same order). */
    AdagradOptimizer(Ops tf, List<Variable<TFloat32>> variables, Output<?>[] gradients, float momentum) {
        Ops s = tf.withSubScope("adagrad");
        learningRate = s.withName("learning_rate").placeholder(TFloat32.class);
        Ops after = OptimizerSlots.afterAllGradients(s, gradients);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> v = variables.get(i);
            Variable<TFloat32> acc = OptimizerSlots.zeroSlot(s, v);
            Variable<TFloat32> mom = OptimizerSlots.zeroSlot(s, v);
            Operand<TFloat32> g = OptimizerSlots.gradient(gradients, i);
            Operand<TFloat32> accNew = after.assignAdd(acc, after.math.square(after.identity(g)));
            Operand<TFloat32> stepSize = after.math.div(after.math.mul(learningRate, g),
                    after.math.sqrt(after.math.add(accNew, after.constant(EPSILON))));
            Operand<TFloat32> momNew = after.assign(mom,
                    after.math.sub(after.math.mul(after.constant(momentum), after.identity(mom)), stepSize));
            applies.add(after.assignAdd(v, momNew));
        }
        update = s.withControlDependencies(applies).noOp();
    }

    @Override
    public Op update() {
        return update;
    }

    @Override
    public Session.Runner feed(Session.Runner runner, long step, float rate, ReusableFeeds feeds) {
        return runner.feed(learningRate, feeds.scalar(0, rate));
    }
}
