package org.sessionrnn.model;

import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A neural model built in one phase from its {@link ModelParts}, the one training-graph builder every kind shares:
 * the block's scores over packed input, the ranking head (rank of each label among all items under both tie modes,
 * counted from the scores by {@link ScoreRanks}, and the top-k items, computed in the graph), the loss, the
 * gradients (written out by the block, or TensorFlow's), clipping and the optimiser, then the block's and the
 * loss's own initial values. It owns the graph and its session, the optimiser step count (kept in Java, restored
 * by the trainer on resume), checkpoints and closing. The session is opened before any op is added; TensorFlow
 * extends a session's graph on the next run.
 */
public final class NeuralModel implements SessionModel {
    private final Graph graph;
    private final Ops tf;
    private final Session session;
    /** Labels and the optimizer's three scalars, reused across steps (native allocations cost per step). */
    private final ReusableFeeds feeds;
    private final ForwardBlock block;
    private final EncoderInputs inputs;
    private final Placeholder<TInt32> labels;
    private final Operand<TFloat32> scores;
    private final ScoreRanks ranks;
    private final Placeholder<TInt32> k;
    private final Operand<TInt32> topItems;
    private final Loss loss;
    private final Operand<TFloat32> lossValue;
    private final UpdateRule optimizer;
    private long stepCount;

    private NeuralModel(ModelParts parts) {
        this.graph = new Graph();
        this.tf = Ops.create(graph);
        this.session = TfSessions.open(graph);
        this.feeds = new ReusableFeeds(3);
        this.block = parts.block().make(tf, Parameters.initialised(tf, parts.seed()));
        this.inputs = new EncoderInputs(tf, "inputs", parts.steps());
        this.labels = tf.withName("labels").placeholder(TInt32.class);
        this.scores = block.scores(Clicks.packed(inputs, parts.steps()));
        this.ranks = new ScoreRanks(parts.items());
        this.k = tf.placeholder(TInt32.class);
        this.topItems = tf.nn.topK(scores, k, TInt32.class).indices();
        this.loss = parts.loss().get();
        LossAndGradient lg = loss.build(tf, block, scores, labels);
        this.lossValue = lg.loss();
        this.optimizer = optimizer(parts.training(), block.variables(), gradients(lg, parts.items()));
        session.initialize();
        block.initialise(tf, session);
        loss.initialise(tf, session);
    }

    /** Builds the training graph of {@code parts}, ready to train. */
    public static NeuralModel build(ModelParts parts) {
        return new NeuralModel(parts);
    }

    /**
     * The gradients of the block's variables: written out by the block, else TensorFlow's gradient graph, the
     * loss's one-hot part then subtracted from {@code dy} as a dense {@code [rows, items]} tensor.
     */
    private Output<?>[] gradients(LossAndGradient lg, int items) {
        Output<?>[] written = block.writtenGradients(graph, tf, lg);
        if (written != null) {
            return written;
        }
        Operand<TFloat32> dy = lg.dy();
        OneHot oneHot = lg.minusOneHot();
        if (oneHot != null) {
            dy = tf.math.sub(dy, oneHot.scale(tf, tf.oneHot(oneHot.labels(), tf.constant(items), tf.constant(1f),
                    tf.constant(0f))));
        }
        Output<?>[] xs = block.variables().stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] grads = graph.addGradients("grad", new Output<?>[]{lg.y().asOutput()}, xs,
                dy == null ? null : new Output<?>[]{dy.asOutput()});
        if (lg.gradientDivisor() != null) {
            for (int i = 0; i < grads.length; i++) {
                grads[i] = tf.math.div(floats(grads[i]), lg.gradientDivisor()).asOutput();
            }
        }
        return grads;
    }

    /** Clipping, then the update rule, over {@code vars}. */
    private UpdateRule optimizer(TrainingOptions training, List<Variable<TFloat32>> vars, Output<?>[] grads) {
        if (training.clipNorm() > 0) {
            grads = GradientClipping.clip(tf, grads, (float) training.clipNorm());
        }
        return switch (training.optimizer()) {
            case ADAM -> new AdamOptimizer(tf, vars, grads);
            case ADAGRAD -> new AdagradOptimizer(tf, vars, grads, (float) training.momentum());
        };
    }

    @SuppressWarnings("unchecked")
    static Operand<TFloat32> floats(Output<?> output) {
        return (Operand<TFloat32>) output;
    }

    @Override
    public double trainStep(Batch batch, float learningRate) {
        try (Result r = trainRunner(batch, learningRate).fetch(lossValue).run()) {
            return TensorFeeds.scalar(r.get(0));
        }
    }

    /**
     * A runner for one optimiser step with every feed set: the loss's, the inputs, the labels, the optimiser's
     * step (which it counts) and the block's training-time feeds.
     */
    Session.Runner trainRunner(Batch batch, float learningRate) {
        long step = ++stepCount;
        Session.Runner runner = inputs.feed(loss.feedTraining(session.runner(), batch, step), batch)
                .feed(labels, feeds.labels(batch));
        runner = optimizer.feed(runner, step, learningRate, feeds).addTarget(optimizer.update());
        return block.feedTraining(runner, step);
    }

    /** Ranks every item for each row in the graph, then counts both tie modes from the scores in Java. */
    @Override
    public void rank(Batch batch, int[] standard, int[] conservative) {
        try (Result r = rankRunner(batch).run()) {
            ranks.rank((TFloat32) r.get(0), batch.labels(), batch.size(), standard, conservative);
        }
    }

    /** A runner fetching the scores the ranks are counted from. */
    Session.Runner rankRunner(Batch batch) {
        return inputs.feed(session.runner(), batch).fetch(scores);
    }

    @Override
    public void predictTopK(Batch batch, int k, int[] dst) {
        try (TInt32 kk = TInt32.scalarOf(k);
             Result r = inputs.feed(session.runner(), batch).feed(this.k, kk).fetch(topItems).run()) {
            TensorFeeds.read(r.get(0), dst);
        }
    }

    /** The block's scores of every item for each row of {@code batch}, {@code rows x items} row-major. */
    public float[] scores(Batch batch) {
        return fetch(scores, inputs.feed(session.runner(), batch));
    }

    /** The loss of a batch, without a training step. */
    public double loss(Batch batch) {
        try (TInt32 lab = TensorFeeds.ints(batch.labels(), batch.size());
             Result r = inputs.feed(loss.feed(session.runner(), batch), batch).feed(labels, lab).fetch(lossValue)
                     .run()) {
            return TensorFeeds.scalar(r.get(0));
        }
    }

    /** The value of {@code value} for {@code batch} with only the loss's feeds set (e.g. a teacher's scores). */
    public float[] fetchWithLossFeeds(Operand<TFloat32> value, Batch batch) {
        return fetch(value, loss.feed(session.runner(), batch));
    }

    private static float[] fetch(Operand<TFloat32> value, Session.Runner runner) {
        try (Result r = runner.fetch(value).run()) {
            float[] out = new float[(int) r.get(0).shape().size()];
            TensorFeeds.read(r.get(0), out);
            return out;
        }
    }

    /** Copies the current value of a float tensor (e.g. a variable) out of the session. */
    public float[] read(Operand<TFloat32> value) {
        try (Result r = session.runner().fetch(value).run()) {
            float[] values = new float[(int) r.get(0).shape().size()];
            TensorFeeds.read(r.get(0), values);
            return values;
        }
    }

    /** Assigns {@code values[i]} to {@code variables[i]} of this model's graph (optimiser state untouched). */
    public void assign(List<Variable<TFloat32>> variables, List<float[]> values) {
        VariableAssignment.assign(tf, session, variables, values);
    }

    /** The forward block. */
    public ForwardBlock block() {
        return block;
    }

    /** The loss. */
    public Loss loss() {
        return loss;
    }

    /** The graph (tests and profiling tools read its ops). */
    Graph graph() {
        return graph;
    }

    /** The optimiser (tests read Adam's moments). */
    UpdateRule optimizer() {
        return optimizer;
    }

    @Override
    public long parameterCount() {
        long n = 0;
        for (Variable<TFloat32> v : block.variables()) {
            n += v.shape().size();
        }
        return n;
    }

    @Override
    public void save(Path prefix) {
        session.save(prefix.toString());
    }

    @Override
    public void restore(Path prefix) {
        session.restore(prefix.toString());
    }

    @Override
    public long steps() {
        return stepCount;
    }

    @Override
    public void setSteps(long steps) {
        this.stepCount = steps;
    }

    @Override
    public void close() {
        block.close();
        loss.close();
        inputs.close();
        feeds.close();
        session.close();
        graph.close();
    }
}
