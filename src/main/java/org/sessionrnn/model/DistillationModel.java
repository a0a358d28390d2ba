package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.sessionrnn.data.SequenceSet;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M3 of the paper: an M1 student trained with generalised distillation from an M1 teacher that reads the
 * privileged sequence {@code x* = [xn, ..., x(r+2)]} (the reversed future of the session).
 *
 * <p>With student logits {@code z}, teacher logits {@code t}, label {@code y}, temperature {@code T} and weight
 * {@code lambda}, the per-row loss is
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
 * <p>The teacher lives in the student's graph as non-trained variables (loaded once from the trained teacher)
 * fed the privileged inputs of the batch, so its logits never cross into Java. An empty privileged sequence
 * (the label is the session's last click) is all padding: the teacher's GRU state stays 0 and its output is its
 * bias alone, the label prior it learned for sequences without a future.
 */
public final class DistillationModel extends SoftmaxModel {
    private final float lambda;
    private final float temperature;
    private final int softLabelTopK;
    private final EncoderInputs privileged;
    private final List<Variable<TFloat32>> teacherVariables = new ArrayList<>();
    private final Operand<TFloat32> teacherLogits;
    private final int[] future;
    private Operand<TFloat32> lossValue;
    private SequenceSet privilegedSource;
    private int[] privilegedRows = new int[0];
    private int[] privilegedLengths = new int[0];

    private DistillationModel(int items, int embedding, int hidden, int steps, long seed, float lambda,
                              float temperature, int softLabelTopK) {
        super(items, embedding, hidden, steps, seed);
        this.lambda = lambda;
        this.temperature = temperature;
        // k beyond the catalogue keeps everything, like dense labels
        this.softLabelTopK = Math.min(softLabelTopK, items);
        this.future = new int[steps];
        Ops t = tf.withSubScope("teacher");
        // the initial values are overwritten by the trained teacher's weights
        Initializers zeros = new Initializers(t, seed);
        GruEncoder teacher = new GruEncoder(t, zeros, items, embedding, hidden);
        Variable<TFloat32> kernel = t.withName("kernel").variable(zeros.zeros(hidden, items));
        Variable<TFloat32> bias = t.withName("bias").variable(zeros.zeros(items));
        teacherVariables.addAll(teacher.variables());
        teacherVariables.add(kernel);
        teacherVariables.add(bias);
        this.privileged = new EncoderInputs(tf, "privileged", steps);
        Operand<TFloat32> state = teacher.encode(privileged, steps);
        this.teacherLogits = tf.stopGradient(tf.nn.biasAdd(tf.linalg.matMul(state, kernel), bias));
    }

    /**
     * A student ready to train, with the teacher's trained weights loaded.
     *
     * @param softLabelTopK 0 for dense soft labels, else the number of teacher probabilities kept
     */
    public static DistillationModel create(int items, int embedding, int hidden, int steps, long seed,
                                           SoftmaxWeights teacher, double lambda, double temperature,
                                           int softLabelTopK) {
        DistillationModel model = new DistillationModel(items, embedding, hidden, steps, seed, (float) lambda,
                (float) temperature, softLabelTopK);
        model.buildTraining();
        teacher.assignTo(model.tf, model.session, model.teacherVariables);
        return model;
    }

    /**
     * The sequences training batches are drawn from: a row's {@link Batch#source(int)} indexes this set to find
     * its privileged sequence.
     */
    public void usePrivilegedFrom(SequenceSet trainingSequences) {
        this.privilegedSource = trainingSequences;
    }

    /**
     * The mixture loss and its gradient at the student logits. The hard term is built from the Softmax op like
     * M1's ({@code -log p(label)}, gradient {@code p - onehot}) instead of the sparse cross-entropy op, whose CPU
     * kernel is several times slower; the one-hot part and the division by the batch size are applied after the
     * output layer's products.
     */
    @Override
    protected LossAndGradient buildLoss() {
        Operand<TFloat32> batchSize = tf.dtypes.cast(tf.size(labels), TFloat32.class);
        Operand<TFloat32> probabilities = tf.nn.softmax(logits);
        Operand<TFloat32> hardLoss = labelNegLogLikelihood(probabilities);
        Operand<TFloat32> invT = tf.constant(1f / temperature);
        Operand<TFloat32> scaled = tf.math.mul(logits, invT);
        Operand<TFloat32> logProbsT = tf.nn.logSoftmax(scaled);
        Operand<TFloat32> teacherScaled = tf.math.mul(teacherLogits, invT);
        SoftTerm soft = softLabelTopK > 0 ? sparseSoftTerm(teacherScaled, logProbsT) : denseSoftTerm(teacherScaled, logProbsT);
        Operand<TFloat32> hardW = tf.constant(1f - lambda);
        Operand<TFloat32> softW = tf.constant(lambda);
        Operand<TFloat32> perRow = tf.math.add(tf.math.mul(hardW, hardLoss), tf.math.mul(softW, soft.crossEntropy()));
        this.lossValue = tf.math.div(tf.sum(perRow, tf.constant(0)), batchSize);
        // d soft / dz = (softmax(z/T) - q) / T
        Operand<TFloat32> softGrad = tf.math.mul(tf.math.sub(tf.nn.softmax(scaled), soft.labels()), invT);
        Operand<TFloat32> dy = tf.math.add(tf.math.mul(hardW, probabilities), tf.math.mul(softW, softGrad));
        return new LossAndGradient(lossValue, logits, dy, batchSize, new OneHot(labels, 1f - lambda));
    }

    /** Per-row soft cross-entropy and the dense soft-label matrix q it was computed against. */
    private record SoftTerm(Operand<TFloat32> crossEntropy, Operand<TFloat32> labels) {
    }

    private SoftTerm denseSoftTerm(Operand<TFloat32> teacherScaled, Operand<TFloat32> logProbsT) {
        Operand<TFloat32> q = tf.nn.softmax(teacherScaled);
        return new SoftTerm(negRowSum(tf.math.mul(q, logProbsT)), q);
    }

    /** The teacher's top-k, renormalised by a softmax over the k kept logits; q is scattered back to dense. */
    private SoftTerm sparseSoftTerm(Operand<TFloat32> teacherScaled, Operand<TFloat32> logProbsT) {
        TopK<TFloat32, TInt32> top = tf.nn.topK(teacherScaled, tf.constant(softLabelTopK), TInt32.class);
        Operand<TFloat32> qk = tf.nn.softmax(top.values());
        Operand<TFloat32> picked = tf.gather(logProbsT, top.indices(), tf.constant(1), Gather.batchDims(1L));
        Operand<TInt32> rows = tf.broadcastTo(tf.expandDims(tf.range(tf.constant(0), tf.size(labels), tf.constant(1)),
                tf.constant(1)), tf.shape(top.indices()));
        Operand<TInt32> coords = tf.stack(List.of(rows, top.indices()), org.tensorflow.op.core.Stack.axis(-1L));
        Operand<TFloat32> q = tf.scatterNd(coords, qk, tf.shape(logits));
        return new SoftTerm(negRowSum(tf.math.mul(qk, picked)), q);
    }

    private Operand<TFloat32> negRowSum(Operand<TFloat32> x) {
        return tf.math.neg(tf.sum(x, tf.constant(1), Sum.keepDims(false)));
    }

    @Override
    protected Session.Runner feedExtra(Session.Runner runner, Batch batch) {
        fillPrivileged(batch);
        return privileged.feed(runner, privilegedRows, privilegedLengths, batch.size());
    }

    /** The batch's privileged sequences, right-aligned like the inputs (the click after the label last). */
    private void fillPrivileged(Batch batch) {
        if (privilegedSource == null) {
            throw new IllegalStateException("usePrivilegedFrom was not called");
        }
        if (privilegedLengths.length < batch.size()) {
            privilegedRows = new int[batch.size() * steps];
            privilegedLengths = new int[batch.size()];
        }
        for (int r = 0; r < batch.size(); r++) {
            if (batch.source(r) < 0) {
                throw new IllegalArgumentException("row " + r + " has no source sequence");
            }
            int n = privilegedSource.copyFutureReversed(batch.source(r), steps, future, 0);
            int start = r * steps;
            java.util.Arrays.fill(privilegedRows, start, start + steps - n, batch.padding());
            System.arraycopy(future, 0, privilegedRows, start + steps - n, n);
            privilegedLengths[r] = n;
        }
    }

    /** The distillation loss of a batch, without a training step. */
    public double loss(Batch batch) {
        try (TInt32 lab = TensorFeeds.ints(batch.labels(), batch.size());
             Result r = feedInputs(feedExtra(session.runner(), batch), batch).feed(labels, lab).fetch(lossValue)
                     .run()) {
            return TensorFeeds.scalar(r.get(0));
        }
    }

    /** Student logits, {@code batch x items} row-major. */
    public float[] studentLogits(Batch batch) {
        try (Result r = feedInputs(session.runner(), batch).fetch(logits).run()) {
            float[] out = new float[batch.size() * encoder.items()];
            TensorFeeds.read(r.get(0), out);
            return out;
        }
    }

    /** Teacher logits for the batch's privileged sequences, {@code batch x items} row-major. */
    public float[] teacherLogits(Batch batch) {
        try (Result r = feedExtra(session.runner(), batch).fetch(teacherLogits).run()) {
            float[] out = new float[batch.size() * encoder.items()];
            TensorFeeds.read(r.get(0), out);
            return out;
        }
    }

    /** The teacher's variables (loaded, never trained). */
    public List<Variable<TFloat32>> teacherVariables() {
        return List.copyOf(teacherVariables);
    }

    @Override
    protected void closeResources() {
        privileged.close();
        super.closeResources();
    }
}
