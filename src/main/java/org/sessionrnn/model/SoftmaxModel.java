package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * M1 of the paper: embedding, one GRU layer, a dense softmax over all items, cross-entropy, Adam. Ranks are
 * computed inside the graph by comparing every item's logit with the target's (softmax is monotonic, so
 * logits rank exactly as probabilities do, without the exp round-off that can merge near-equal probabilities).
 *
 * <p>The loss gradient {@code softmax - onehot} is built directly from the Softmax op (TF Java has no registered
 * gradient for the sparse cross-entropy op, and its kernel is several times slower than Softmax, see
 * {@link #buildLoss()}); the output layer's gradients are written out (see {@link #outputLayerGradients}) and
 * only the encoder's are left to {@code Graph.addGradients}. docs/performance.md has the measurements.
 */
public class SoftmaxModel extends GraphModel {
    protected final GruEncoder encoder;
    protected final int steps;
    /** The batch's input sequences, packed for the encoder. */
    protected final EncoderInputs inputs;
    protected final Placeholder<TInt32> labels;
    protected final Variable<TFloat32> outputKernel;
    protected final Variable<TFloat32> outputBias;
    protected final Operand<TFloat32> logits;
    /** The GRU's final state, the left factor of the output layer's product. */
    private final Operand<TFloat32> state;
    private Operand<TFloat32> loss;
    private UpdateRule optimizer;
    private final SoftmaxOptions options;
    private final long seed;
    /** Output dropout: the rate (0 unless fed by a training step) and the mask's seed {@code (seed, step)}. */
    private final Operand<TFloat32> dropoutRate;
    private final Operand<TInt64> dropoutSeed;
    private final TInt64 seedFeed;
    private final TFloat32 rateFeed;

    /**
     * @param items     catalogue size
     * @param embedding item embedding size
     * @param hidden    GRU units
     * @param steps     maximum input length (time steps)
     * @param seed      seed of every initializer
     */
    public SoftmaxModel(int items, int embedding, int hidden, int steps, long seed) {
        this(items, embedding, hidden, steps, seed, SoftmaxOptions.NONE);
    }

    /**
     * A softmax GRU with options beyond the paper's M1 ({@link SoftmaxOptions#NONE} is M1). With a tied embedding
     * the embedding size is the GRU size and {@code embedding} is ignored.
     */
    public SoftmaxModel(int items, int embedding, int hidden, int steps, long seed, SoftmaxOptions options) {
        this.steps = steps;
        this.options = options;
        this.seed = seed;
        Initializers init = new Initializers(tf, seed);
        Ops out = tf.withSubScope("output");
        if (options.tiedEmbedding()) {
            this.outputKernel = out.withName("kernel").variable(init.glorot(hidden, items));
            this.outputBias = out.withName("bias").variable(init.zeros(items));
            Operand<TFloat32> table = tf.linalg.transpose(outputKernel, tf.constant(new int[]{1, 0}));
            this.encoder = new GruEncoder(tf, init, items, table, hidden, hidden);
        } else {
            // the paper's M1; creation order fixes the initializers' seeds, so it stays as it always was
            this.encoder = new GruEncoder(tf, init, items, embedding, hidden);
            this.outputKernel = out.withName("kernel").variable(init.glorot(hidden, items));
            this.outputBias = out.withName("bias").variable(init.zeros(items));
        }
        this.inputs = addInputs(steps);
        this.labels = tf.withName("labels").placeholder(TInt32.class);
        Operand<TFloat32> encoded = encoder.encode(inputs, steps);
        this.dropoutRate = tf.withName("output_dropout_rate").placeholderWithDefault(tf.constant(0f), Shape.scalar());
        this.dropoutSeed = tf.withName("output_dropout_seed").placeholderWithDefault(tf.constant(new long[]{0, 0}),
                Shape.of(2));
        this.state = options.outputDropout() > 0 ? dropout(encoded) : encoded;
        this.logits = tf.nn.biasAdd(tf.linalg.matMul(state, outputKernel), outputBias);
        addRankingHead(logits, labels, items);
        this.seedFeed = TInt64.tensorOf(Shape.of(2));
        this.rateFeed = TFloat32.scalarOf((float) options.outputDropout());
    }

    /**
     * Inverted dropout on the final state: each unit is kept with probability {@code 1 - rate} and scaled by
     * {@code 1 / (1 - rate)}. The rate is fed only by training steps (0 otherwise, which keeps every unit at
     * scale 1 exactly), with the mask drawn from {@code (seed, step)}. The mask's shape comes from the inputs'
     * row count, not from the state, so no gradient has to pass the random op.
     */
    private Operand<TFloat32> dropout(Operand<TFloat32> encoded) {
        Operand<TInt32> shape = tf.stack(List.of(tf.size(inputs.restore), tf.constant(encoder.hidden())));
        Operand<TFloat32> u = tf.random.statelessRandomUniform(shape, dropoutSeed);
        Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, dropoutRate), TFloat32.class);
        return tf.math.mul(encoded, tf.math.div(keep, tf.math.sub(tf.constant(1f), dropoutRate)));
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
        Output<?>[] grads = lg.y() == logits ? outputLayerGradients(lg) : graphGradients(lg, vars);
        if (options.clipNorm() > 0) {
            grads = GradientClipping.clip(tf, grads, (float) options.clipNorm());
        }
        this.optimizer = options.optimizer() == SoftmaxOptions.Optimizer.ADAGRAD
                ? new AdagradOptimizer(tf, vars, grads, (float) options.momentum())
                : new AdamOptimizer(tf, vars, grads);
        session.initialize();
    }

    /**
     * Gradients of {@link #trainableVariables()} when the loss gradient is given at the logits: the output
     * layer's are written out (below) and only the encoder's are left to {@code Graph.addGradients}. The division
     * by the batch size happens on the small factors ({@code state / n}, {@code dState}) instead of a pass over
     * a {@code [hidden, items]} gradient; for a power-of-two batch it is exact wherever it happens.
     */
    private Output<?>[] outputLayerGradients(LossAndGradient lg) {
        Operand<TFloat32> divisor = lg.gradientDivisor() != null ? lg.gradientDivisor() : tf.constant(1f);
        Operand<TFloat32> stateGrad = stateGradient(lg.dy(), divisor, lg.minusOneHot());
        Operand<TFloat32> stacked = kernelAndBiasGradient(lg.dy(), divisor, lg.minusOneHot());
        int hidden = encoder.hidden();
        Operand<TFloat32> kernelGrad = tf.slice(stacked, tf.constant(new int[]{0, 0}), tf.constant(new int[]{hidden, -1}));
        Operand<TFloat32> biasGrad = tf.reshape(tf.slice(stacked, tf.constant(new int[]{hidden, 0}),
                tf.constant(new int[]{1, -1})), tf.constant(new long[]{-1}));
        List<Variable<TFloat32>> through = new ArrayList<>(encoder.variables());
        if (options.tiedEmbedding()) {
            // the kernel is also the input embedding: its gradient has a part from the encoder too
            through.add(outputKernel);
        }
        Output<?>[] xs = through.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] encoderGrads = graph.addGradients("grad", new Output<?>[]{state.asOutput()}, xs,
                new Output<?>[]{stateGrad.asOutput()});
        int n = encoder.variables().size();
        Output<?>[] grads = java.util.Arrays.copyOf(encoderGrads, n + 2);
        grads[n] = options.tiedEmbedding() ? tf.math.add(kernelGrad, asFloats(encoderGrads[n])).asOutput()
                : kernelGrad.asOutput();
        grads[n + 1] = biasGrad.asOutput();
        return grads;
    }

    /**
     * {@code (dy - onehot) K^T / n}, with {@code K^T} written out first: a {@code [items, hidden]} right factor
     * is faster than a transposed operand, even counting the copy (docs/performance.md). The permutation is not a
     * constant, or grappler would fold the transpose back into the product. The one-hot part is a row of
     * {@code K^T} per label.
     */
    private Operand<TFloat32> stateGradient(Operand<TFloat32> dy, Operand<TFloat32> divisor, OneHot oneHot) {
        Operand<TInt32> swap = tf.placeholderWithDefault(tf.constant(new int[]{1, 0}), Shape.of(2));
        Operand<TFloat32> kernelT = tf.linalg.transpose(outputKernel, swap);
        Operand<TFloat32> product = tf.linalg.matMul(dy, kernelT);
        if (oneHot != null) {
            product = tf.math.sub(product, oneHot.scale(tf, tf.gather(kernelT, oneHot.labels(), tf.constant(0))));
        }
        return tf.math.div(product, divisor);
    }

    /**
     * The kernel's and the bias's gradients stacked, {@code [hidden + 1, items]}, from one product
     * {@code ([state, 1] / n)^T (dy - onehot)}: the kernel's rows are a slice of it (a copy of the small
     * {@code [hidden, items]} gradient, cheaper than a second pass over the {@code [batch, items]} {@code dy} for
     * the bias), the bias is its
     * last row. The one-hot part is the row's {@code [state, 1] / n} subtracted from its label's column.
     */
    private Operand<TFloat32> kernelAndBiasGradient(Operand<TFloat32> dy, Operand<TFloat32> divisor, OneHot oneHot) {
        Operand<TFloat32> ones = tf.onesLike(tf.slice(state, tf.constant(new int[]{0, 0}), tf.constant(new int[]{-1, 1})));
        Operand<TFloat32> left = tf.math.div(tf.concat(List.of(state, ones), tf.constant(1)), divisor);
        Operand<TFloat32> stacked = tf.linalg.matMul(left, dy, MatMul.transposeA(true));
        if (oneHot != null) {
            stacked = tf.tensorScatterNdSub(stacked, columnEntries(oneHot.labels(), encoder.hidden() + 1),
                    oneHot.scale(tf, left));
        }
        return stacked;
    }

    /** Indices {@code [rows, height, 2]} of entry {@code (h, label_r)} of a {@code [height, items]} matrix. */
    private Operand<TInt32> columnEntries(Operand<TInt32> rowLabels, int height) {
        Operand<TInt32> shape = tf.stack(List.of(tf.size(rowLabels), tf.constant(height)));
        Operand<TInt32> hs = tf.broadcastTo(tf.expandDims(tf.range(tf.constant(0), tf.constant(height),
                tf.constant(1)), tf.constant(0)), shape);
        Operand<TInt32> ys = tf.broadcastTo(tf.expandDims(rowLabels, tf.constant(1)), shape);
        return tf.stack(List.of(hs, ys), Stack.axis(2L));
    }

    /** Gradients of {@code vars} through TensorFlow's own gradient graph, for losses not defined on the logits. */
    private Output<?>[] graphGradients(LossAndGradient lg, List<Variable<TFloat32>> vars) {
        Output<?>[] xs = vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        if (lg.minusOneHot() != null) {
            throw new IllegalStateException("a one-hot part is applied at the logits only");
        }
        Output<?>[] grads = graph.addGradients("grad", new Output<?>[]{lg.y().asOutput()}, xs,
                new Output<?>[]{lg.dy().asOutput()});
        if (lg.gradientDivisor() != null) {
            for (int i = 0; i < grads.length; i++) {
                grads[i] = tf.math.div(asFloats(grads[i]), lg.gradientDivisor()).asOutput();
            }
        }
        return grads;
    }

    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> asFloats(Output<?> output) {
        return (Operand<TFloat32>) output;
    }

    /**
     * A scalar loss, and the gradient {@code dy} of that loss with respect to an intermediate {@code y}. When
     * {@code gradientDivisor} is set, {@code dy} is the gradient times that divisor and the variables' gradients
     * are divided by it instead: dividing the small parameter gradients is cheaper than dividing a
     * {@code [batch, items]} tensor, and the same number (exactly so when the divisor is a power of two). When
     * {@code minusOneHot} is set (only for {@code y} = the logits), the gradient is
     * {@code dy - weight * onehot(labels)}, the one-hot part applied to the products' small results instead of
     * to {@code dy}.
     */
    protected record LossAndGradient(Operand<TFloat32> loss, Operand<TFloat32> y, Operand<TFloat32> dy,
                                     Operand<TFloat32> gradientDivisor, OneHot minusOneHot) {
        /** A loss whose {@code dy} is the gradient itself. */
        public LossAndGradient(Operand<TFloat32> loss, Operand<TFloat32> y, Operand<TFloat32> dy) {
            this(loss, y, dy, null, null);
        }

        /** A loss whose {@code dy} is the gradient times {@code gradientDivisor}. */
        public LossAndGradient(Operand<TFloat32> loss, Operand<TFloat32> y, Operand<TFloat32> dy,
                               Operand<TFloat32> gradientDivisor) {
            this(loss, y, dy, gradientDivisor, null);
        }
    }

    /** One label per row and the weight of its one-hot vector in a gradient. */
    protected record OneHot(Operand<TInt32> labels, float weight) {
        /** {@code weight * x}, or {@code x} itself for weight 1. */
        Operand<TFloat32> scale(Ops tf, Operand<TFloat32> x) {
            return weight == 1f ? x : tf.math.mul(x, tf.constant(weight));
        }
    }

    /**
     * Mean softmax cross-entropy. Its gradient w.r.t. the logits is {@code (softmax - onehot) / batch}; it is
     * built from the Softmax op, the one-hot part applied after the output layer's products, rather than with
     * {@code SparseSoftmaxCrossEntropyWithLogits}, whose CPU kernel took several times as long as Softmax at
     * 37,483 items (docs/performance.md). The loss is {@code -log p(label)}, the same number as the op's
     * {@code logsumexp - logit}; a probability that underflows is floored at the smallest normal float (loss
     * 87.3) so that the reported loss stays finite; the gradient does not depend on the loss value.
     */
    protected LossAndGradient buildLoss() {
        Operand<TFloat32> probabilities = tf.nn.softmax(logits);
        Operand<TFloat32> batchSize = tf.dtypes.cast(tf.size(labels), TFloat32.class);
        Operand<TFloat32> mean = tf.math.div(tf.sum(labelNegLogLikelihood(probabilities), tf.constant(0)), batchSize);
        // dy = softmax - onehot; the one-hot part is applied after the products, on small tensors
        return new LossAndGradient(mean, logits, probabilities, batchSize, new OneHot(labels, 1f));
    }

    /**
     * Per row, {@code -log p(label)} from the softmax probabilities; a probability that underflows is floored at
     * the smallest normal float (loss 87.3) so that the reported loss stays finite.
     */
    protected Operand<TFloat32> labelNegLogLikelihood(Operand<TFloat32> probabilities) {
        Operand<TInt32> rows = tf.range(tf.constant(0), tf.size(labels), tf.constant(1));
        Operand<TFloat32> target = tf.gatherNd(probabilities, tf.stack(List.of(rows, labels), Stack.axis(1L)));
        return tf.math.neg(tf.math.log(tf.math.maximum(target, tf.constant(Float.MIN_NORMAL))));
    }

    /** Variables updated by training, in a fixed order (the output layer's gradients rely on it). */
    protected final List<Variable<TFloat32>> trainableVariables() {
        List<Variable<TFloat32>> vars = new ArrayList<>(encoder.variables());
        vars.add(outputKernel);
        vars.add(outputBias);
        return vars;
    }

    /** Creates an M1 model ready to train. */
    public static SoftmaxModel create(int items, int embedding, int hidden, int steps, long seed) {
        return create(items, embedding, hidden, steps, seed, SoftmaxOptions.NONE);
    }

    /** Creates a softmax GRU with the given options, ready to train. */
    public static SoftmaxModel create(int items, int embedding, int hidden, int steps, long seed,
                                      SoftmaxOptions options) {
        SoftmaxModel model = new SoftmaxModel(items, embedding, hidden, steps, seed, options);
        model.buildTraining();
        return model;
    }

    @Override
    public double trainStep(Batch batch, float learningRate) {
        try (Result r = trainRunner(batch, learningRate).fetch(loss).run()) {
            return TensorFeeds.scalar(r.get(0));
        }
    }

    /** A runner for one optimiser step with every feed set (advances the step count). */
    Session.Runner trainRunner(Batch batch, float learningRate) {
        Session.Runner runner = feedOptimizerStep(feedInputs(feedExtra(session.runner(), batch), batch)
                .feed(labels, feeds.labels(batch)), optimizer, learningRate);
        if (options.outputDropout() > 0) {
            seedFeed.setLong(seed, 0);
            seedFeed.setLong(steps(), 1);
            runner.feed(dropoutRate, rateFeed).feed(dropoutSeed, seedFeed);
        }
        return runner;
    }

    /** The Adam optimiser (tests read its moments); fails for a model trained with another rule. */
    AdamOptimizer adam() {
        return (AdamOptimizer) optimizer;
    }

    /** The options this model was built with. */
    public SoftmaxOptions options() {
        return options;
    }

    /** The GRU's final state {@code [batch, hidden]} (for losses over a subset of the output layer). */
    Operand<TFloat32> finalState() {
        return state;
    }

    /** Hook for subclasses that feed more than inputs and labels during training (e.g. a teacher's input). */
    protected Session.Runner feedExtra(Session.Runner runner, Batch batch) {
        return runner;
    }

    @Override
    public long parameterCount() {
        return count(predictionVariables());
    }

    /** Variables needed at prediction time. */
    protected List<Variable<TFloat32>> predictionVariables() {
        return trainableVariables();
    }

    public GruEncoder encoder() {
        return encoder;
    }

    @Override
    protected void closeResources() {
        seedFeed.close();
        rateFeed.close();
    }
}
