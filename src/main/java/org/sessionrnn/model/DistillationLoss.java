package org.sessionrnn.model;

import java.util.List;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M3's loss, generalised distillation. With student logits {@code z}, teacher logits {@code t}, label {@code y},
 * temperature {@code T} and weight {@code lambda}, the per-row loss is
 * <pre>
 *   (1 - lambda) * -log softmax(z)[y]  +  lambda * -sum_j q_j * log softmax(z / T)_j,   q = softmax(t / T)
 * </pre>
 * averaged over the batch. Its gradient with respect to {@code z} is
 * {@code (1 - lambda) * (softmax(z) - onehot(y)) + lambda * (softmax(z / T) - q) / T}, built analytically (no
 * op needs a registered gradient) and pushed into the student's variables only. The soft term is not scaled by
 * {@code T^2} (Hinton et al. do, to keep gradient sizes comparable across T; the paper's formula does not).
 *
 * <p>Sparse soft labels ({@code softLabelTopK = k > 0}) keep only the teacher's {@code k} largest logits and
 * renormalise them: {@code q_j = softmax over the top-k of t / T}, zero elsewhere, so {@code q} still sums to 1.
 * The soft cross-entropy then needs only the {@code k} gathered student log-probabilities.
 *
 * <p>The hard term is built from the Softmax op like M1's ({@code -log p(label)}, gradient {@code p - onehot})
 * instead of the sparse cross-entropy op, whose CPU kernel is several times slower; the one-hot part and the
 * division by the batch size are applied after the output layer's products.
 *
 * @param tf            the student's graph
 * @param lambda        weight of the soft term
 * @param temperature   {@code T}
 * @param softLabelTopK 0 for dense soft labels, else the number of teacher probabilities kept (at most the number
 *                      of items)
 */
record DistillationLoss(Ops tf, float lambda, float temperature, int softLabelTopK) {
    /**
     * The mean loss over the batch and its gradient at the student logits.
     *
     * @param labelNegLogLikelihood per row, {@code -log p(label)} from the student's softmax probabilities
     */
    LossAndGradient build(Operand<TFloat32> logits, Operand<TFloat32> teacherLogits, Operand<TInt32> labels,
                          UnaryOperator<Operand<TFloat32>> labelNegLogLikelihood) {
        Operand<TFloat32> batchSize = tf.dtypes.cast(tf.size(labels), TFloat32.class);
        Operand<TFloat32> probabilities = tf.nn.softmax(logits);
        Operand<TFloat32> hardLoss = labelNegLogLikelihood.apply(probabilities);
        Operand<TFloat32> invT = tf.constant(1f / temperature);
        Operand<TFloat32> scaled = tf.math.mul(logits, invT);
        Operand<TFloat32> logProbsT = tf.nn.logSoftmax(scaled);
        Operand<TFloat32> teacherScaled = tf.math.mul(teacherLogits, invT);
        SoftTerm soft = softLabelTopK > 0
                ? sparseSoftTerm(teacherScaled, logProbsT, logits, labels)
                : denseSoftTerm(teacherScaled, logProbsT);
        Operand<TFloat32> hardW = tf.constant(1f - lambda);
        Operand<TFloat32> softW = tf.constant(lambda);
        Operand<TFloat32> perRow = tf.math.add(tf.math.mul(hardW, hardLoss), tf.math.mul(softW, soft.crossEntropy()));
        Operand<TFloat32> loss = tf.math.div(tf.sum(perRow, tf.constant(0)), batchSize);
        // d soft / dz = (softmax(z/T) - q) / T
        Operand<TFloat32> softGrad = tf.math.mul(tf.math.sub(tf.nn.softmax(scaled), soft.labels()), invT);
        Operand<TFloat32> dy = tf.math.add(tf.math.mul(hardW, probabilities), tf.math.mul(softW, softGrad));
        return new LossAndGradient(loss, logits, dy, batchSize, new OneHot(labels, 1f - lambda));
    }

    /** Per-row soft cross-entropy and the dense soft-label matrix q it was computed against. */
    private record SoftTerm(Operand<TFloat32> crossEntropy, Operand<TFloat32> labels) {
    }

    private SoftTerm denseSoftTerm(Operand<TFloat32> teacherScaled, Operand<TFloat32> logProbsT) {
        Operand<TFloat32> q = tf.nn.softmax(teacherScaled);
        return new SoftTerm(negRowSum(tf.math.mul(q, logProbsT)), q);
    }

    /** The teacher's top-k, renormalised by a softmax over the k kept logits; q is scattered back to dense. */
    private SoftTerm sparseSoftTerm(Operand<TFloat32> teacherScaled, Operand<TFloat32> logProbsT,
                                    Operand<TFloat32> logits, Operand<TInt32> labels) {
        TopK<TFloat32, TInt32> top = tf.nn.topK(teacherScaled, tf.constant(softLabelTopK), TInt32.class);
        Operand<TFloat32> qk = tf.nn.softmax(top.values());
        Operand<TFloat32> picked = tf.gather(logProbsT, top.indices(), tf.constant(1), Gather.batchDims(1L));
        Operand<TInt32> rows = tf.broadcastTo(tf.expandDims(tf.range(tf.constant(0), tf.size(labels), tf.constant(1)),
                tf.constant(1)), tf.shape(top.indices()));
        Operand<TInt32> coords = tf.stack(List.of(rows, top.indices()), Stack.axis(-1L));
        Operand<TFloat32> q = tf.scatterNd(coords, qk, tf.shape(logits));
        return new SoftTerm(negRowSum(tf.math.mul(qk, picked)), q);
    }

    private Operand<TFloat32> negRowSum(Operand<TFloat32> x) {
        return tf.math.neg(tf.sum(x, tf.constant(1), Sum.keepDims(false)));
    }
}
