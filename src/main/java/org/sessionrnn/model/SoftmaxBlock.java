package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * M1's forward pass (and M2's, M3's student's, m1plus's): the shared {@link GruEncoder}, then a dense layer over
 * all items ({@code output/kernel} {@code [hidden, items]}, {@code output/bias}) whose logits are the scores;
 * they rank exactly as the softmax probabilities do, without the exp round-off that can merge near-equal
 * probabilities. Options beyond the paper's M1: dropout on the GRU's final state (training graph only), an
 * input embedding tied to the output kernel, and scores that are a scaled cosine (m1norm).
 *
 * <p>For a loss given at the logits (cross-entropy, distillation) the output layer's gradients are written out
 * ({@link #writtenGradients}) and only the encoder's are left to {@code Graph.addGradients};
 * docs/performance.md has the measurements.
 */
public final class SoftmaxBlock implements ForwardBlock {
    private final Ops tf;
    private final GruEncoder encoder;
    private final Variable<TFloat32> kernel;
    private final Variable<TFloat32> bias;
    /** The output weights the scores use: the kernel, or its columns L2-normalised when the options scale. */
    private final Operand<TFloat32> outKernel;
    /** The kernel's column norms {@code [1, items]} when the options scale, else null. */
    private final Operand<TFloat32> columnNorms;
    private final Options options;
    private final long seed;
    private final TInt64 seedFeed;
    private final TFloat32 rateFeed;
    /** The training graph's final state (after dropout) and logits: the factors of the written-out gradients. */
    private Operand<TFloat32> state;
    private Operand<TFloat32> logits;
    /** The output weights as rows {@code [items, hidden]}: the tied input lookup table, else made when needed. */
    private Operand<TFloat32> rows;
    /** A sampled loss's candidates, their output weights {@code [candidates, hidden]} and logits, when built. */
    private Operand<TInt32> candidates;
    private Operand<TFloat32> candidateRows;
    private Operand<TFloat32> candidateLogits;
    /** Output dropout: the rate (0 unless fed by a training step) and the mask's seed {@code (seed, step)}. */
    private Operand<TFloat32> dropoutRate;
    private Operand<TInt64> dropoutSeed;

    /**
     * The architecture beyond the paper's M1 ({@link #NONE} is M1).
     *
     * @param outputDropout dropout rate on the GRU's final state before the output layer, training only
     *                      (GRU4Rec's {@code dropout_p_hidden}); 0 = off
     * @param tiedEmbedding the input item embedding is the output layer's weight matrix (GRU4Rec's
     *                      {@code constrained_embedding}; Press and Wolf 2017): the embedding size is then the GRU
     *                      size and no separate embedding variable exists
     * @param scale         when positive, the session vector and every item's output weights are L2-normalised
     *                      and the score is {@code scale} times their cosine (NISER, Gupta et al. 2019); with a
     *                      tied embedding the input lookup reads the normalised rows too. 0 = plain dot product
     */
    public record Options(double outputDropout, boolean tiedEmbedding, double scale) {
        /** The paper's M1: no output dropout, a separate embedding. */
        public static final Options NONE = new Options(0, false);

        public Options {
            if (!(outputDropout >= 0 && outputDropout < 1)) {
                throw new IllegalArgumentException("output dropout in [0, 1)");
            }
            if (!(scale >= 0 && Double.isFinite(scale))) {
                throw new IllegalArgumentException("score scale >= 0");
            }
        }

        /** Scores that are plain dot products (M1, m1plus). */
        public Options(double outputDropout, boolean tiedEmbedding) {
            this(outputDropout, tiedEmbedding, 0);
        }
    }

    /**
     * Creates the variables. With a tied embedding the embedding size is the GRU size and {@code embedding} is
     * ignored.
     */
    private SoftmaxBlock(Ops tf, Parameters params, int items, int embedding, int hidden, Options options) {
        this.tf = tf;
        this.options = options;
        this.seed = params.seed();
        Ops out = tf.withSubScope("output");
        if (options.tiedEmbedding()) {
            this.kernel = params.glorot(out, "kernel", hidden, items);
            this.bias = params.zeros(out, "bias", items);
            this.columnNorms = options.scale() > 0 ? columnNorms(kernel) : null;
            this.outKernel = options.scale() > 0 ? tf.math.div(kernel, columnNorms) : kernel;
            this.rows = tf.linalg.transpose(outKernel, tf.constant(new int[]{1, 0}));
            this.encoder = new GruEncoder(tf, params, items, rows, hidden, hidden);
        } else {
            // the paper's M1; creation order fixes the initializers' seeds, so it stays as it always was
            this.encoder = new GruEncoder(tf, params, items, embedding, hidden);
            this.kernel = params.glorot(out, "kernel", hidden, items);
            this.bias = params.zeros(out, "bias", items);
            this.columnNorms = options.scale() > 0 ? columnNorms(kernel) : null;
            this.outKernel = options.scale() > 0 ? tf.math.div(kernel, columnNorms) : kernel;
        }
        this.seedFeed = TInt64.tensorOf(Shape.of(2));
        this.rateFeed = TFloat32.scalarOf((float) options.outputDropout());
    }

    /** Makes this block for a catalogue of {@code items}. */
    public static BlockMaker maker(int items, int embedding, int hidden, Options options) {
        return (tf, params) -> new SoftmaxBlock(tf, params, items, embedding, hidden, options);
    }

    /** The paper's M1: this block, cross-entropy, Adam. */
    public static ModelParts m1(int items, int embedding, int hidden, int steps, long seed) {
        return parts(items, embedding, hidden, steps, seed, Options.NONE, TrainingOptions.ADAM);
    }

    /** This block with {@code options}, cross-entropy, trained with {@code training}. */
    public static ModelParts parts(int items, int embedding, int hidden, int steps, long seed, Options options,
                                   TrainingOptions training) {
        return parts(items, embedding, hidden, steps, seed, options, SoftmaxLoss::new, training);
    }

    /** This block with {@code options} and {@code loss}, trained with {@code training}. */
    public static ModelParts parts(int items, int embedding, int hidden, int steps, long seed, Options options,
                                   java.util.function.Supplier<Loss> loss, TrainingOptions training) {
        return new ModelParts(items, steps, seed, maker(items, embedding, hidden, options), loss, training);
    }

    @Override
    public Operand<TFloat32> scores(Clicks clicks) {
        Operand<TFloat32> encoded = encoder.finalState(clicks);
        if (!clicks.training()) {
            // at inference the training graph multiplies by exactly 1: no dropout op at all
            return tf.nn.biasAdd(tf.linalg.matMul(scaled(encoded), outKernel), bias);
        }
        this.dropoutRate = tf.withName("output_dropout_rate").placeholderWithDefault(tf.constant(0f), Shape.scalar());
        this.dropoutSeed = tf.withName("output_dropout_seed").placeholderWithDefault(tf.constant(new long[]{0, 0}),
                Shape.of(2));
        this.state = scaled(options.outputDropout() > 0 ? dropout(encoded, clicks) : encoded);
        this.logits = tf.nn.biasAdd(tf.linalg.matMul(state, outKernel), bias);
        return logits;
    }

    /**
     * The training graph's logits of {@code candidates} only, {@code [rows, candidates]}: the final state (after
     * dropout) times those items' output weights, plus their biases ({@link SampledSoftmaxLoss}). Call after
     * {@link #scores} built the training graph.
     */
    public Operand<TFloat32> candidateLogits(Operand<TInt32> candidates) {
        if (state == null) {
            throw new IllegalStateException("candidate logits need the training graph's scores first");
        }
        if (rows == null) {
            rows = tf.linalg.transpose(outKernel, tf.constant(new int[]{1, 0}));
        }
        this.candidates = candidates;
        this.candidateRows = tf.gather(rows, candidates, tf.constant(0));
        this.candidateLogits = tf.math.add(tf.linalg.matMul(state, candidateRows, MatMul.transposeB(true)),
                tf.gather(bias, candidates, tf.constant(0)));
        return candidateLogits;
    }

    /**
     * The kernel's column norms {@code [1, items]}, kept away from 0 by a tiny addend (TensorFlow's C gradient
     * registry's {@code Maximum} and {@code Square} gradients crash the JVM here; {@code Mul} and {@code Add} do not).
     */
    private Operand<TFloat32> columnNorms(Operand<TFloat32> k) {
        return tf.math.sqrt(tf.math.add(tf.sum(tf.math.mul(k, k), tf.constant(0), Sum.keepDims(true)),
                tf.constant(1e-12f)));
    }

    /** {@code scale * v / |v|} per row when the options scale, else {@code v} itself. */
    private Operand<TFloat32> scaled(Operand<TFloat32> v) {
        if (options.scale() <= 0) {
            return v;
        }
        Operand<TFloat32> norms = tf.math.sqrt(tf.math.add(tf.sum(tf.math.mul(v, v), tf.constant(1),
                Sum.keepDims(true)), tf.constant(1e-12f)));
        return tf.math.mul(tf.math.div(v, norms), tf.constant((float) options.scale()));
    }

    /**
     * Inverted dropout on the final state: each unit is kept with probability {@code 1 - rate} and scaled by
     * {@code 1 / (1 - rate)}. The rate is fed only by training steps (0 otherwise, which keeps every unit at
     * scale 1 exactly), with the mask drawn from {@code (seed, step)}. The mask's shape comes from the inputs'
     * row count, not from the state, so no gradient has to pass the random op.
     */
    private Operand<TFloat32> dropout(Operand<TFloat32> encoded, Clicks clicks) {
        Operand<TInt32> shape = tf.stack(List.of(clicks.rows(tf), tf.constant(encoder.hidden())));
        Operand<TFloat32> u = tf.random.statelessRandomUniform(shape, dropoutSeed);
        Operand<TFloat32> keep = tf.dtypes.cast(tf.math.greaterEqual(u, dropoutRate), TFloat32.class);
        return tf.math.mul(encoded, tf.math.div(keep, tf.math.sub(tf.constant(1f), dropoutRate)));
    }

    @Override
    public Session.Runner feedTraining(Session.Runner runner, long step) {
        if (options.outputDropout() > 0) {
            seedFeed.setLong(seed, 0);
            seedFeed.setLong(step, 1);
            runner.feed(dropoutRate, rateFeed).feed(dropoutSeed, seedFeed);
        }
        return runner;
    }

    /**
     * Gradients of {@link #variables()} when the loss gradient is given at the logits: the output layer's are
     * written out (below) and only the encoder's are left to {@code Graph.addGradients}. The division by the
     * batch size happens on the small factors ({@code state / n}, {@code dState}) instead of a pass over a
     * {@code [hidden, items]} gradient; for a power-of-two batch it is exact wherever it happens.
     */
    @Override
    public Output<?>[] writtenGradients(Graph graph, Ops tf, LossAndGradient lg) {
        if (candidateLogits != null && lg.y() == candidateLogits) {
            return candidateGradients(graph, lg);
        }
        if (lg.y() != logits) {
            return null;
        }
        Operand<TFloat32> divisor = lg.gradientDivisor() != null ? lg.gradientDivisor() : tf.constant(1f);
        Operand<TFloat32> stateGrad = stateGradient(lg.dy(), divisor, lg.minusOneHot());
        Operand<TFloat32> stacked = kernelAndBiasGradient(lg.dy(), divisor, lg.minusOneHot());
        int hidden = encoder.hidden();
        Operand<TFloat32> kernelGrad = tf.slice(stacked, tf.constant(new int[]{0, 0}), tf.constant(new int[]{hidden, -1}));
        if (options.scale() > 0) {
            kernelGrad = throughNormalisation(kernelGrad);
        }
        Operand<TFloat32> biasGrad = tf.reshape(tf.slice(stacked, tf.constant(new int[]{hidden, 0}),
                tf.constant(new int[]{1, -1})), tf.constant(new long[]{-1}));
        return withEncoderGradients(graph, stateGrad, kernelGrad, biasGrad);
    }

    /**
     * The gradients when the loss's {@code dy} is given at the candidate logits ({@link #candidateLogits}, a
     * {@code [rows, candidates]} tensor with the one-hot part already in it). The state's and the candidates'
     * rows' gradients come from one small product each; TensorFlow carries both back, through the row lookup (and
     * the normalisation, when the scores are cosines) to the kernel, together with the tied input lookup's part.
     * The bias's gradient is added at the candidates' entries (an item drawn twice gets both parts).
     */
    private Output<?>[] candidateGradients(Graph graph, LossAndGradient lg) {
        Operand<TFloat32> divisor = lg.gradientDivisor() != null ? lg.gradientDivisor() : tf.constant(1f);
        Operand<TFloat32> dy = lg.dy();
        Operand<TFloat32> stateGrad = tf.math.div(tf.linalg.matMul(dy, candidateRows), divisor);
        Operand<TFloat32> rowGrads = tf.linalg.matMul(dy, tf.math.div(state, divisor), MatMul.transposeA(true));
        Operand<TFloat32> biasGrad = tf.math.unsortedSegmentSum(tf.math.div(tf.sum(dy, tf.constant(0)), divisor),
                candidates, tf.size(bias));
        List<Variable<TFloat32>> through = new ArrayList<>(encoder.variables());
        through.add(kernel);
        Output<?>[] xs = through.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] grads = java.util.Arrays.copyOf(graph.addGradients("grad",
                new Output<?>[]{state.asOutput(), candidateRows.asOutput()}, xs,
                new Output<?>[]{stateGrad.asOutput(), rowGrads.asOutput()}), through.size() + 1);
        grads[through.size()] = biasGrad.asOutput();
        return grads;
    }

    /**
     * The encoder's gradients from the state's (TensorFlow's gradient graph), then the output layer's: the
     * kernel's gets the encoder's part too when it is also the input embedding.
     */
    private Output<?>[] withEncoderGradients(Graph graph, Operand<TFloat32> stateGrad, Operand<TFloat32> kernelGrad,
                                             Operand<TFloat32> biasGrad) {
        List<Variable<TFloat32>> through = new ArrayList<>(encoder.variables());
        if (options.tiedEmbedding()) {
            // the kernel is also the input embedding: its gradient has a part from the encoder too
            through.add(kernel);
        }
        Output<?>[] xs = through.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] encoderGrads = graph.addGradients("grad", new Output<?>[]{state.asOutput()}, xs,
                new Output<?>[]{stateGrad.asOutput()});
        int n = encoder.variables().size();
        Output<?>[] grads = java.util.Arrays.copyOf(encoderGrads, n + 2);
        grads[n] = options.tiedEmbedding() ? tf.math.add(kernelGrad, NeuralModel.floats(encoderGrads[n])).asOutput()
                : kernelGrad.asOutput();
        grads[n + 1] = biasGrad.asOutput();
        return grads;
    }

    /**
     * The kernel's gradient from that of its normalised columns {@code g}: per column,
     * {@code (g - k^ (k^ . g)) / |k|}, the Jacobian of {@code k / |k|} applied without forming it.
     */
    private Operand<TFloat32> throughNormalisation(Operand<TFloat32> g) {
        Operand<TFloat32> along = tf.sum(tf.math.mul(outKernel, g), tf.constant(0), Sum.keepDims(true));
        return tf.math.div(tf.math.sub(g, tf.math.mul(outKernel, along)), columnNorms);
    }

    /**
     * {@code (dy - onehot) K^T / n}, with {@code K^T} written out first: a {@code [items, hidden]} right factor
     * is faster than a transposed operand, even counting the copy (docs/performance.md). The permutation is not a
     * constant, or grappler would fold the transpose back into the product. The one-hot part is a row of
     * {@code K^T} per label.
     */
    private Operand<TFloat32> stateGradient(Operand<TFloat32> dy, Operand<TFloat32> divisor, OneHot oneHot) {
        Operand<TInt32> swap = tf.placeholderWithDefault(tf.constant(new int[]{1, 0}), Shape.of(2));
        Operand<TFloat32> kernelT = tf.linalg.transpose(outKernel, swap);
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
     * the bias), the bias is its last row. The one-hot part is the row's {@code [state, 1] / n} subtracted from
     * its label's column.
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

    /** Encoder (embedding first, when it has its own), then the output kernel and bias. */
    @Override
    public List<Variable<TFloat32>> variables() {
        List<Variable<TFloat32>> vars = new ArrayList<>(encoder.variables());
        vars.add(kernel);
        vars.add(bias);
        return vars;
    }

    @Override
    public String scoreKind() {
        return "logit";
    }

    public GruEncoder encoder() {
        return encoder;
    }

    /** The training graph's logits (null before {@link #scores} built them from packed input). */
    public Operand<TFloat32> logits() {
        return logits;
    }

    public Options options() {
        return options;
    }

    @Override
    public void close() {
        seedFeed.close();
        rateFeed.close();
    }
}
