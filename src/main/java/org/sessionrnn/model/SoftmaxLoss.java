package org.sessionrnn.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Mean softmax cross-entropy over all items, M1's loss. Its gradient w.r.t. the scores is
 * {@code (softmax - onehot) / batch}; it is built from the Softmax op, the one-hot part applied after the output
 * layer's products (TF Java has no registered gradient for the sparse cross-entropy op, and its CPU kernel took
 * several times as long as Softmax at 37,483 items, docs/performance.md). The loss is {@code -log p(label)}, the
 * same number as the op's {@code logsumexp - logit}; the gradient does not depend on the loss value.
 */
public final class SoftmaxLoss implements Loss {
    @Override
    public LossAndGradient build(Ops tf, ForwardBlock block, Operand<TFloat32> scores, Placeholder<TInt32> labels) {
        Operand<TFloat32> probabilities = tf.nn.softmax(scores);
        Operand<TFloat32> batchSize = tf.dtypes.cast(tf.size(labels), TFloat32.class);
        Operand<TFloat32> mean = tf.math.div(tf.sum(labelNegLogLikelihood(tf, probabilities, labels), tf.constant(0)),
                batchSize);
        // dy = softmax - onehot; the one-hot part is applied after the products, on small tensors
        return new LossAndGradient(mean, scores, probabilities, batchSize, new OneHot(labels, 1f));
    }

    /**
     * Per row, {@code -log p(label)} from the softmax probabilities; a probability that underflows is floored at
     * the smallest normal float (loss 87.3) so that the reported loss stays finite.
     */
    static Operand<TFloat32> labelNegLogLikelihood(Ops tf, Operand<TFloat32> probabilities, Operand<TInt32> labels) {
        Operand<TInt32> rows = tf.range(tf.constant(0), tf.size(labels), tf.constant(1));
        Operand<TFloat32> target = tf.gatherNd(probabilities, tf.stack(List.of(rows, labels), Stack.axis(1L)));
        return tf.math.neg(tf.math.log(tf.math.maximum(target, tf.constant(Float.MIN_NORMAL))));
    }
}
