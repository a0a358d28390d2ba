package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.sessionrnn.data.SequenceSet;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M3 of the paper: an M1 student trained with generalised distillation from an M1 teacher that reads the
 * privileged sequence {@code x* = [xn, ..., x(r+2)]} (the reversed future of the session).
 *
 * <p>The loss mixes the usual cross-entropy with the label and a soft cross-entropy with the teacher's
 * tempered probabilities, weighted by {@code lambda}: {@link DistillationLoss}.
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

    /** M3's loss, {@link DistillationLoss}, over the student's logits and the teacher's. */
    @Override
    protected LossAndGradient buildLoss() {
        LossAndGradient loss = new DistillationLoss(tf, lambda, temperature, softLabelTopK)
                .build(logits, teacherLogits, labels, this::labelNegLogLikelihood);
        this.lossValue = loss.loss();
        return loss;
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
