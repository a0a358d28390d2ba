package org.sessionrnn.export;

import org.sessionrnn.model.GruEncoder;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The dense output layer of M1, M2, M3's student and m1plus ({@code output/kernel} {@code [gru, items]},
 * {@code output/bias}): the scores are the logits, which rank exactly as the softmax probabilities do. Output
 * dropout is a training-time op and absent here (at inference the training graph multiplies by exactly 1).
 *
 * <p>With a tied embedding (m1plus's default) the encoder has no embedding variable: it looks clicks up in the
 * transposed output kernel, {@code [items, gru]}, as {@code SoftmaxModel} builds it, and the embedding size is
 * the GRU size. An untied encoder has its own {@code encoder/embedding} with a padding row that is never read.
 */
public final class SoftmaxHead implements ScoringHead {
    private final int items;
    private final int embedding;
    private final int hidden;
    private final boolean tied;

    private SoftmaxHead(int items, int embedding, int hidden, boolean tied) {
        this.items = items;
        this.embedding = embedding;
        this.hidden = hidden;
        this.tied = tied;
    }

    /** An output layer beside the encoder's own item embedding of size {@code embedding}. */
    public static SoftmaxHead separate(int items, int embedding, int hidden) {
        return new SoftmaxHead(items, embedding, hidden, false);
    }

    /** An output layer whose kernel is also the input item embedding (embedding size = GRU size). */
    public static SoftmaxHead tied(int items, int hidden) {
        return new SoftmaxHead(items, hidden, hidden, true);
    }

    @Override
    public Operand<TFloat32> scores(Ops tf, Operand<TInt32> clicks, int steps) {
        Ops out = tf.withSubScope("output");
        Variable<TFloat32> kernel = out.withName("kernel").variable(Shape.of(hidden, items), TFloat32.class);
        Variable<TFloat32> bias = out.withName("bias").variable(Shape.of(items), TFloat32.class);
        GruEncoder encoder = tied
                ? GruEncoder.forRestore(tf, items, tf.linalg.transpose(kernel, tf.constant(new int[]{1, 0})), hidden, hidden)
                : GruEncoder.forRestore(tf, items, embedding, hidden);
        return tf.nn.biasAdd(tf.linalg.matMul(encoder.encodePadded(clicks, steps), kernel), bias);
    }

    /** True when the output kernel is also the input embedding. */
    public boolean isTied() {
        return tied;
    }

    /** The input item embedding size (the GRU size when tied). */
    public int embedding() {
        return embedding;
    }

    @Override
    public String scoreKind() {
        return "logit";
    }
}
