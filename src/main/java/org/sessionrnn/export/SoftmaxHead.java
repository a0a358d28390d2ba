package org.sessionrnn.export;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The dense output layer of M1, M2 and M3's student ({@code output/kernel}, {@code output/bias}): the scores are
 * the logits, which rank exactly as the softmax probabilities do.
 */
public final class SoftmaxHead implements ScoringHead {
    private final int items;
    private final int hidden;

    public SoftmaxHead(int items, int hidden) {
        this.items = items;
        this.hidden = hidden;
    }

    @Override
    public Operand<TFloat32> scores(Ops tf, Operand<TFloat32> state) {
        Ops out = tf.withSubScope("output");
        Variable<TFloat32> kernel = out.withName("kernel").variable(Shape.of(hidden, items), TFloat32.class);
        Variable<TFloat32> bias = out.withName("bias").variable(Shape.of(items), TFloat32.class);
        return tf.nn.biasAdd(tf.linalg.matMul(state, kernel), bias);
    }

    @Override
    public String scoreKind() {
        return "logit";
    }
}
