package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sessionrnn.data.SequenceSet;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M3's loss: generalised distillation ({@link DistillationLoss}) of an M1 student (a {@link SoftmaxBlock}) from
 * an M1 teacher that reads the privileged sequence {@code x* = [xn, ..., x(r+2)]} (the reversed future of the
 * session). The teacher lives in the student's graph as non-trained variables, loaded once from the trained
 * teacher and fed the privileged inputs of every batch, so its logits never cross into Java. An empty
 * privileged sequence (the label is the session's last click) is all padding: the teacher's GRU state stays 0
 * and its output is its bias alone, the label prior it learned for sequences without a future.
 */
public final class TeacherDistillation implements Loss {
    private final SoftmaxWeights teacher;
    private final float lambda;
    private final float temperature;
    private final int softLabelTopK;
    private final int items;
    private final int embedding;
    private final int hidden;
    private final int steps;
    private final long seed;
    private final SequenceSet privilegedSource;
    private final int[] future;
    private final List<Variable<TFloat32>> teacherVariables = new ArrayList<>();
    private EncoderInputs privileged;
    private Operand<TFloat32> teacherLogits;
    private int[] privilegedRows = new int[0];
    private int[] privilegedLengths = new int[0];

    /**
     * @param teacher          the trained teacher's weights
     * @param softLabelTopK    0 for dense soft labels, else the number of teacher probabilities kept
     * @param privilegedSource the sequences training batches are drawn from: a row's {@link Batch#source(int)}
     *                         indexes it to find the row's privileged sequence (null for a graph never trained)
     */
    public TeacherDistillation(SoftmaxWeights teacher, double lambda, double temperature, int softLabelTopK,
                               int items, int embedding, int hidden, int steps, long seed,
                               SequenceSet privilegedSource) {
        this.teacher = teacher;
        this.lambda = (float) lambda;
        this.temperature = (float) temperature;
        // k beyond the catalogue keeps everything, like dense labels
        this.softLabelTopK = Math.min(softLabelTopK, items);
        this.items = items;
        this.embedding = embedding;
        this.hidden = hidden;
        this.steps = steps;
        this.seed = seed;
        this.privilegedSource = privilegedSource;
        this.future = new int[steps];
    }

    /**
     * M3: an M1 student ({@link SoftmaxBlock}, Adam) distilling from {@code teacher}, whose weights are asked for
     * only when a training graph is built.
     */
    public static ModelParts parts(int items, int embedding, int hidden, int steps, long seed,
                                   Supplier<SoftmaxWeights> teacher,
                                   double lambda, double temperature, int softLabelTopK, SequenceSet privilegedSource) {
        return new ModelParts(items, steps, seed, SoftmaxBlock.maker(items, embedding, hidden, SoftmaxBlock.Options.NONE),
                () -> new TeacherDistillation(teacher.get(), lambda, temperature, softLabelTopK, items, embedding, hidden,
                        steps, seed, privilegedSource), TrainingOptions.ADAM);
    }

    /** Adds the teacher (its initial values are overwritten by the trained teacher's), then the loss. */
    @Override
    public LossAndGradient build(Ops tf, ForwardBlock block, Operand<TFloat32> scores, Placeholder<TInt32> labels) {
        Ops t = tf.withSubScope("teacher");
        Parameters params = Parameters.initialised(t, seed);
        GruEncoder encoder = new GruEncoder(t, params, items, embedding, hidden);
        Variable<TFloat32> kernel = params.zeros(t, "kernel", hidden, items);
        Variable<TFloat32> bias = params.zeros(t, "bias", items);
        teacherVariables.addAll(encoder.variables());
        teacherVariables.add(kernel);
        teacherVariables.add(bias);
        this.privileged = new EncoderInputs(tf, "privileged", steps);
        Operand<TFloat32> state = encoder.encode(privileged, steps);
        this.teacherLogits = tf.stopGradient(tf.nn.biasAdd(tf.linalg.matMul(state, kernel), bias));
        return new DistillationLoss(tf, lambda, temperature, softLabelTopK)
                .build(scores, teacherLogits, labels, p -> SoftmaxLoss.labelNegLogLikelihood(tf, p, labels));
    }

    @Override
    public void initialise(Ops tf, Session session) {
        VariableAssignment.assign(tf, session, teacherVariables, teacher.values());
    }

    @Override
    public Session.Runner feed(Session.Runner runner, Batch batch) {
        fillPrivileged(batch);
        return privileged.feed(runner, privilegedRows, privilegedLengths, batch.size());
    }

    /** The batch's privileged sequences, right-aligned like the inputs (the click after the label last). */
    private void fillPrivileged(Batch batch) {
        if (privilegedSource == null) {
            throw new IllegalStateException("no privileged sequences: this distillation graph was built to be checked, not trained");
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

    /** The teacher's logits for the privileged sequences, {@code [rows, items]}. */
    public Operand<TFloat32> teacherLogits() {
        return teacherLogits;
    }

    /** The teacher's variables (loaded, never trained). */
    public List<Variable<TFloat32>> teacherVariables() {
        return List.copyOf(teacherVariables);
    }

    @Override
    public void close() {
        if (privileged != null) {
            privileged.close();
        }
    }
}
