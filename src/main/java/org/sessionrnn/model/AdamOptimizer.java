package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam (Kingma and Ba) as {@code ApplyAdam} ops whose bias-correction powers {@code beta1^t} and {@code beta2^t}
 * are fed from Java each step. The framework's Adam updates its power variables in the same group as the apply
 * ops without ordering them, so its bias correction sometimes uses {@code beta^(t+1)}; feeding the powers makes
 * every step exact and the step count part of the checkpoint-free state the trainer already tracks.
 */
public final class AdamOptimizer implements UpdateRule {
    public static final float BETA1 = 0.9f;
    public static final float BETA2 = 0.999f;
    public static final float EPSILON = 1e-7f;

    private final Placeholder<TFloat32> beta1Power;
    private final Placeholder<TFloat32> beta2Power;
    private final Placeholder<TFloat32> learningRate;
    private final Op update;
    private final List<Variable<TFloat32>> firstMoments = new ArrayList<>();

    /** Builds the update of {@code variables} along {@code gradients} (same order). */
    public AdamOptimizer(Ops tf, List<Variable<TFloat32>> variables, Output<?>[] gradients) {
        Ops s = tf.withSubScope("adam");
        beta1Power = s.withName("beta1_power").placeholder(TFloat32.class);
        beta2Power = s.withName("beta2_power").placeholder(TFloat32.class);
        learningRate = s.withName("learning_rate").placeholder(TFloat32.class);
        Ops after = OptimizerSlots.afterAllGradients(s, gradients);
        List<Op> applies = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> v = variables.get(i);
            Variable<TFloat32> m = OptimizerSlots.zeroSlot(s, v);
            firstMoments.add(m);
            Variable<TFloat32> u = OptimizerSlots.zeroSlot(s, v);
            applies.add(after.train.applyAdam(v, m, u, beta1Power, beta2Power, learningRate, s.constant(BETA1),
                    s.constant(BETA2), s.constant(EPSILON), OptimizerSlots.gradient(gradients, i)));
        }
        update = s.withControlDependencies(applies).noOp();
    }

    /** The first-moment slot of variable {@code i}: {@code (1 - beta1) * gradient} after the first step. */
    Variable<TFloat32> firstMoment(int i) {
        return firstMoments.get(i);
    }

    /** The op that applies one step. */
    @Override
    public Op update() {
        return update;
    }

    /** Feeds the bias-correction powers {@code beta^step} and the learning rate (scalars 0, 1 and 2). */
    @Override
    public org.tensorflow.Session.Runner feed(org.tensorflow.Session.Runner runner, long step, float rate,
                                              ReusableFeeds feeds) {
        float b1 = (float) Math.pow(BETA1, step);
        float b2 = (float) Math.pow(BETA2, step);
        return runner.feed(beta1Power, feeds.scalar(0, b1)).feed(beta2Power, feeds.scalar(1, b2))
                .feed(learningRate, feeds.scalar(2, rate));
    }

    public Placeholder<TFloat32> beta1Power() {
        return beta1Power;
    }

    public Placeholder<TFloat32> beta2Power() {
        return beta2Power;
    }

    public Placeholder<TFloat32> learningRate() {
        return learningRate;
    }
}
