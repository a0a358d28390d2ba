package org.sessionrnn.export;

import org.sessionrnn.model.GruEncoder;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M4's output (after the GRU encoder with its own item embedding): a tanh layer and a linear layer into the item embedding space ({@code head/*}), the result scaled
 * to unit length, scored by cosine against the fixed unit-length target embeddings (the pre-trained M1's item
 * embedding, held as a constant as in training). The ops are those of the training graph, in the same order, so
 * the scores are the same numbers.
 */
public final class CosineHead implements ScoringHead {
    private final int items;
    private final int embedding;
    private final int gru;
    private final int hiddenSize;
    private final float[] unitTargets;

    /**
     * @param unitTargets the target embeddings, {@code items x embedding} row-major, rows of unit length
     */
    public CosineHead(int items, int embedding, int gru, int hiddenSize, float[] unitTargets) {
        if (unitTargets.length != (long) items * embedding) {
            throw new IllegalArgumentException("target embedding has " + unitTargets.length + " values, expected "
                    + (long) items * embedding);
        }
        this.items = items;
        this.embedding = embedding;
        this.gru = gru;
        this.hiddenSize = hiddenSize;
        this.unitTargets = unitTargets;
    }

    @Override
    public Operand<TFloat32> scores(Ops tf, Operand<TInt32> clicks, int steps) {
        Operand<TFloat32> state = GruEncoder.forRestore(tf, items, embedding, gru).encodePadded(clicks, steps);
        Ops head = tf.withSubScope("head");
        Variable<TFloat32> hiddenKernel = head.withName("hidden_kernel").variable(Shape.of(gru, hiddenSize), TFloat32.class);
        Variable<TFloat32> hiddenBias = head.withName("hidden_bias").variable(Shape.of(hiddenSize), TFloat32.class);
        Variable<TFloat32> outKernel = head.withName("out_kernel").variable(Shape.of(hiddenSize, embedding), TFloat32.class);
        Variable<TFloat32> outBias = head.withName("out_bias").variable(Shape.of(embedding), TFloat32.class);
        Operand<TFloat32> hidden = tf.math.tanh(tf.nn.biasAdd(tf.linalg.matMul(state, hiddenKernel), hiddenBias));
        Operand<TFloat32> output = unitRows(tf, tf.nn.biasAdd(tf.linalg.matMul(hidden, outKernel), outBias));
        Operand<TFloat32> targets = tf.withName("target_embedding").constant(Shape.of(items, embedding),
                DataBuffers.of(unitTargets, true, false));
        return tf.linalg.matMul(output, targets, MatMul.transposeB(true));
    }

    /** Unit-length rows, with the training graph's epsilon. */
    private static Operand<TFloat32> unitRows(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> squares = tf.sum(tf.math.mul(x, x), tf.constant(1), Sum.keepDims(true));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.add(squares, tf.constant(1e-12f))));
    }

    @Override
    public String scoreKind() {
        return "cosine";
    }
}
