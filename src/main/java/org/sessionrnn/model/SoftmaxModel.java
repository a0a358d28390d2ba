package org.sessionrnn.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M1 of the paper: embedding, one GRU layer, a dense softmax over all items, cross-entropy, Adam. Ranks are
 * computed inside the graph by comparing every item's logit with the target's (softmax is monotonic, so
 * logits rank exactly as probabilities do, without the exp round-off that can merge near-equal probabilities).
 *
 * <p>The loss gradient is the op's own backprop output {@code softmax - onehot}, pushed through the rest of the
 * graph with {@code Graph.addGradients(y, x, dy)}: TF Java has no registered gradient for the sparse
 * cross-entropy op, and this is the cheapest correct one.
 */
public class SoftmaxModel implements SessionModel {
    protected final Graph graph;
    protected final Ops tf;
    protected final Session session;
    protected final GruEncoder encoder;
    protected final int steps;
    protected final Placeholder<TInt32> inputs;
    protected final Placeholder<TInt32> labels;
    protected final Variable<TFloat32> outputKernel;
    protected final Variable<TFloat32> outputBias;
    protected final Operand<TFloat32> logits;
    private final Operand<TInt32> rankStandard;
    private final Operand<TInt32> rankConservative;
    private final Placeholder<TInt32> topK;
    private final Operand<TInt32> topItems;
    private Operand<TFloat32> loss;
    private AdamOptimizer adam;
    private long stepCount;

    /**
     * @param items     catalogue size
     * @param embedding item embedding size
     * @param hidden    GRU units
     * @param steps     maximum input length (time steps)
     * @param seed      seed of every initializer
     */
    public SoftmaxModel(int items, int embedding, int hidden, int steps, long seed) {
        this.graph = new Graph();
        this.tf = Ops.create(graph);
        this.steps = steps;
        Initializers init = new Initializers(tf, seed);
        this.encoder = new GruEncoder(tf, init, items, embedding, hidden);
        this.inputs = tf.withName("inputs").placeholder(TInt32.class);
        this.labels = tf.withName("labels").placeholder(TInt32.class);
        Ops out = tf.withSubScope("output");
        this.outputKernel = out.withName("kernel").variable(init.glorot(hidden, items));
        this.outputBias = out.withName("bias").variable(init.zeros(items));
        Operand<TFloat32> state = encoder.encode(inputs, steps);
        this.logits = tf.nn.biasAdd(tf.linalg.matMul(state, outputKernel), outputBias);
        Operand<TFloat32> target = tf.gather(logits, tf.expandDims(labels, tf.constant(1)), tf.constant(1),
                org.tensorflow.op.core.Gather.batchDims(1L));
        this.rankStandard = tf.math.add(countAbove(tf.math.greater(logits, target)), tf.constant(1));
        this.rankConservative = countAbove(tf.math.greaterEqual(logits, target));
        this.topK = tf.placeholder(TInt32.class);
        this.topItems = tf.nn.topK(logits, topK, TInt32.class).indices();
        this.session = new Session(graph);
    }

    private Operand<TInt32> countAbove(Operand<org.tensorflow.types.TBool> mask) {
        return tf.sum(tf.dtypes.cast(mask, TInt32.class), tf.constant(1));
    }

    /**
     * Adds the training part: the mean loss and its gradient with respect to the given logits-level gradient,
     * and Adam over {@link #trainableVariables()}. Subclasses with another loss override {@link #buildLoss()}.
     * Must be called once, by the factory, before the first step.
     */
    protected final void buildTraining() {
        LossAndGradient lg = buildLoss();
        this.loss = lg.loss();
        List<Variable<TFloat32>> vars = trainableVariables();
        Output<?>[] xs = vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] grads = graph.addGradients("grad", new Output<?>[]{lg.y().asOutput()}, xs,
                new Output<?>[]{lg.dy().asOutput()});
        this.adam = new AdamOptimizer(tf, vars, grads);
        session.initialize();
    }

    /** A scalar loss, and the gradient {@code dy} of that loss with respect to an intermediate {@code y}. */
    protected record LossAndGradient(Operand<TFloat32> loss, Operand<TFloat32> y, Operand<TFloat32> dy) {
    }

    /** Mean sparse softmax cross-entropy; its gradient w.r.t. the logits is (softmax - onehot) / batch. */
    protected LossAndGradient buildLoss() {
        SparseSoftmaxCrossEntropyWithLogits<TFloat32> ce = tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, labels);
        Operand<TFloat32> batchSize = tf.dtypes.cast(tf.size(labels), TFloat32.class);
        Operand<TFloat32> mean = tf.math.div(tf.sum(ce.loss(), tf.constant(0)), batchSize);
        return new LossAndGradient(mean, logits, tf.math.div(ce.backprop(), batchSize));
    }

    /** Variables updated by training, in a fixed order. */
    protected List<Variable<TFloat32>> trainableVariables() {
        List<Variable<TFloat32>> vars = new ArrayList<>(encoder.variables());
        vars.add(outputKernel);
        vars.add(outputBias);
        return vars;
    }

    /** Creates an M1 model ready to train. */
    public static SoftmaxModel create(int items, int embedding, int hidden, int steps, long seed) {
        SoftmaxModel model = new SoftmaxModel(items, embedding, hidden, steps, seed);
        model.buildTraining();
        return model;
    }

    @Override
    public double trainStep(Batch batch, float learningRate) {
        stepCount++;
        float b1 = (float) Math.pow(AdamOptimizer.BETA1, stepCount);
        float b2 = (float) Math.pow(AdamOptimizer.BETA2, stepCount);
        try (TInt32 in = inputsTensor(batch); TInt32 lab = TensorFeeds.ints(batch.labels(), batch.size());
             TFloat32 p1 = TFloat32.scalarOf(b1); TFloat32 p2 = TFloat32.scalarOf(b2);
             TFloat32 lr = TFloat32.scalarOf(learningRate);
             Result r = feedExtra(session.runner(), batch).feed(inputs, in).feed(labels, lab)
                     .feed(adam.beta1Power(), p1).feed(adam.beta2Power(), p2).feed(adam.learningRate(), lr)
                     .addTarget(adam.update()).fetch(loss).run()) {
            return TensorFeeds.scalar(r.get(0));
        }
    }

    /** Hook for subclasses that feed more than inputs and labels during training (e.g. a teacher's input). */
    protected Session.Runner feedExtra(Session.Runner runner, Batch batch) {
        return runner;
    }

    protected TInt32 inputsTensor(Batch batch) {
        return TensorFeeds.ints(batch.inputs(), batch.size(), steps);
    }

    @Override
    public void rank(Batch batch, int[] standard, int[] conservative) {
        try (TInt32 in = inputsTensor(batch); TInt32 lab = TensorFeeds.ints(batch.labels(), batch.size());
             Result r = session.runner().feed(inputs, in).feed(labels, lab).fetch(rankStandard)
                     .fetch(rankConservative).run()) {
            TensorFeeds.read(r.get(0), standard);
            TensorFeeds.read(r.get(1), conservative);
        }
    }

    @Override
    public void predictTopK(Batch batch, int k, int[] dst) {
        try (TInt32 in = inputsTensor(batch); TInt32 kk = TInt32.scalarOf(k);
             Result r = session.runner().feed(inputs, in).feed(topK, kk).fetch(topItems).run()) {
            TensorFeeds.read(r.get(0), dst);
        }
    }

    @Override
    public long parameterCount() {
        long n = 0;
        for (Variable<TFloat32> v : predictionVariables()) {
            n += v.shape().size();
        }
        return n;
    }

    /** Variables needed at prediction time. */
    protected List<Variable<TFloat32>> predictionVariables() {
        return trainableVariables();
    }

    /** Copies the current value of a variable out of the session. */
    public float[] read(Variable<TFloat32> variable) {
        try (Result r = session.runner().fetch(variable).run()) {
            float[] values = new float[(int) variable.shape().size()];
            TensorFeeds.read(r.get(0), values);
            return values;
        }
    }

    public GruEncoder encoder() {
        return encoder;
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
        session.close();
        graph.close();
    }
}
