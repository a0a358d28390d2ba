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
import org.tensorflow.types.TBool;
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
    private final int items;
    /** The repeat scores' weights, one per position among the last clicks ({@link Options#repeatWindow}), or null. */
    private final Variable<TFloat32> repeat;
    /**
     * The training graph's recent clicks {@code [rows, window]} and, for the full scores, their entries of the
     * score matrix {@code [rows, window, 2]} (an invalid click points at item 0) and validity {@code [rows, window]}.
     */
    private Operand<TInt32> recent;
    private Operand<TInt32> recentEntries;
    private Operand<TFloat32> recentValid;
    private Operand<TInt32> recentSafe;
    /**
     * With a repeat term, a sampled loss's candidates also hold each row's own recent clicks: their output weights
     * {@code [rows, window, hidden]} and which of them hold the same item {@code [rows, window, window]}.
     */
    private Operand<TFloat32> recentRows;
    private Operand<TFloat32> recentSame;
    /** For sampled candidates: whether recent click {@code j} of row {@code b} is candidate {@code c}, {@code [rows, window, candidates]}. */
    private Operand<TFloat32> recentIsCandidate;
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
     * @param repeatWindow  when positive, an item among the row's last {@code repeatWindow} clicks gets a learnt
     *                      score added per position it holds there ({@code w_1} for the last click, {@code w_2}
     *                      for the one before, ...): a copy term for sessions that return to their items. 0 = off
     */
    public record Options(double outputDropout, boolean tiedEmbedding, double scale, int repeatWindow) {
        /** The paper's M1: no output dropout, a separate embedding. */
        public static final Options NONE = new Options(0, false);

        public Options {
            if (!(outputDropout >= 0 && outputDropout < 1)) {
                throw new IllegalArgumentException("output dropout in [0, 1)");
            }
            if (!(scale >= 0 && Double.isFinite(scale))) {
                throw new IllegalArgumentException("score scale >= 0");
            }
            if (repeatWindow < 0) {
                throw new IllegalArgumentException("repeat window >= 0");
            }
        }

        /** Scores without a repeat term. */
        public Options(double outputDropout, boolean tiedEmbedding, double scale) {
            this(outputDropout, tiedEmbedding, scale, 0);
        }

        /** Scores that are plain dot products (M1, m1plus). */
        public Options(double outputDropout, boolean tiedEmbedding) {
            this(outputDropout, tiedEmbedding, 0, 0);
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
        this.items = items;
        // made last, so that the other variables' initial values do not move
        this.repeat = options.repeatWindow() > 0
                ? params.zeros(tf.withSubScope("repeat"), "weights", options.repeatWindow()) : null;
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
            Operand<TFloat32> scores = tf.nn.biasAdd(tf.linalg.matMul(scaled(encoded), outKernel), bias);
            return repeat == null ? scores : tf.math.add(scores, repeatScores(clicks));
        }
        this.dropoutRate = tf.withName("output_dropout_rate").placeholderWithDefault(tf.constant(0f), Shape.scalar());
        this.dropoutSeed = tf.withName("output_dropout_seed").placeholderWithDefault(tf.constant(new long[]{0, 0}),
                Shape.of(2));
        this.state = scaled(options.outputDropout() > 0 ? dropout(encoded, clicks) : encoded);
        Operand<TFloat32> products = tf.nn.biasAdd(tf.linalg.matMul(state, outKernel), bias);
        this.logits = repeat == null ? products : tf.math.add(products, repeatScores(clicks));
        return logits;
    }

    /**
     * The training graph's logits of {@code candidates} only, {@code [rows, candidates]}: the final state (after
     * dropout) times those items' output weights, plus their biases and repeat terms ({@link SampledSoftmaxLoss}).
     * With a repeat term, {@link #recentWindow()} more columns follow: the logits of each row's own last clicks
     * (column {@code candidates + j} is the row's recent click {@code j}, oldest first, as in
     * {@link #recentClicks()}), so that a sampled loss always weighs the items the repeat term raises. Call after
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
        Operand<TFloat32> products = tf.math.add(tf.linalg.matMul(state, candidateRows, MatMul.transposeB(true)),
                tf.gather(bias, candidates, tf.constant(0)));
        this.candidateLogits = repeat == null ? products : tf.concat(List.of(
                tf.math.add(products, candidateRepeatScores(candidates)), recentLogits()), tf.constant(1));
        return candidateLogits;
    }

    /** The recent-click columns that {@link #candidateLogits} appends, 0 without a repeat term. */
    public int recentWindow() {
        return repeat == null ? 0 : options.repeatWindow();
    }

    /**
     * Whether each sampled candidate is among the row's recent clicks, {@code [rows, candidates]} (after
     * {@link #candidateLogits} with a repeat term).
     */
    public Operand<TBool> candidatesInRecent() {
        return tf.math.greater(tf.max(recentIsCandidate, tf.constant(1)), tf.constant(0f));
    }

    /** The training graph's recent clicks {@code [rows, window]} (null before a repeat term built them). */
    public Operand<TInt32> recentClicks() {
        return recent;
    }

    /**
     * Each row's logits of its own last clicks, {@code [rows, window]}: the product with their output weights,
     * their biases, and their repeat terms (the weights of every position holding the same item). A column before
     * the row's first click holds item 0's logit; a loss leaves it out.
     */
    private Operand<TFloat32> recentLogits() {
        this.recentRows = tf.gather(rows, recentSafe, tf.constant(0));
        Operand<TFloat32> products = tf.sum(tf.math.mul(recentRows, tf.expandDims(state, tf.constant(1))),
                tf.constant(2));
        this.recentSame = tf.dtypes.cast(tf.math.equal(tf.expandDims(recent, tf.constant(2)),
                tf.expandDims(recent, tf.constant(1))), TFloat32.class);
        Operand<TFloat32> weights = tf.reshape(positionWeights(), tf.constant(new long[]{1, 1, -1}));
        Operand<TFloat32> repeats = tf.sum(tf.math.mul(recentSame, weights), tf.constant(2));
        return tf.math.add(tf.math.add(products, tf.gather(bias, recentSafe, tf.constant(0))), repeats);
    }

    /**
     * The repeat term of every item, {@code [rows, items]}: the sum of the weights of the positions the item holds
     * among the row's last clicks (0 for an item not among them). A position before the row's first click (the
     * padding index, or -1 in an export's input) adds nothing.
     */
    private Operand<TFloat32> repeatScores(Clicks clicks) {
        Operand<TInt32> last = clicks.recent(tf, options.repeatWindow());
        Operand<TBool> valid = tf.math.logicalAnd(tf.math.greaterEqual(last, tf.constant(0)),
                tf.math.less(last, tf.constant(items)));
        Operand<TFloat32> validF = tf.dtypes.cast(valid, TFloat32.class);
        Operand<TInt32> safe = tf.select(valid, last, tf.zerosLike(last));
        Operand<TInt32> rows = clicks.rows(tf);
        Operand<TInt32> rowOf = tf.broadcastTo(tf.expandDims(tf.range(tf.constant(0), rows, tf.constant(1)),
                tf.constant(1)), tf.shape(last));
        Operand<TInt32> entries = tf.stack(List.of(rowOf, safe), Stack.axis(2L));
        Operand<TFloat32> values = tf.math.mul(validF, tf.expandDims(positionWeights(), tf.constant(0)));
        if (clicks.training()) {
            this.recent = last;
            this.recentEntries = entries;
            this.recentValid = validF;
            this.recentSafe = safe;
        }
        return tf.scatterNd(entries, values, tf.stack(List.of(rows, tf.constant(items))));
    }

    /**
     * The weights in the column order of the recent clicks (oldest first): the variable holds them most recent
     * first, so that a wider window only appends.
     */
    private Operand<TFloat32> positionWeights() {
        return tf.reverse(repeat, tf.constant(new int[]{0}));
    }

    /**
     * The repeat term of each sampled candidate, {@code [rows, candidates]}. In the training graph a column before
     * a row's first click holds the padding index, which is never a candidate.
     */
    private Operand<TFloat32> candidateRepeatScores(Operand<TInt32> candidates) {
        Operand<TInt32> flat = tf.reshape(candidates, tf.constant(new long[]{1, 1, -1}));
        this.recentIsCandidate = tf.dtypes.cast(tf.math.equal(tf.expandDims(recent, tf.constant(2)), flat),
                TFloat32.class);
        Operand<TFloat32> weights = tf.reshape(positionWeights(), tf.constant(new long[]{1, -1, 1}));
        return tf.sum(tf.math.mul(recentIsCandidate, weights), tf.constant(1));
    }

    /**
     * The repeat weights' gradient for a full-score gradient {@code dy - onehot}, divided by {@code divisor}: per
     * position, the gradient at the entries of the recent clicks that hold it.
     */
    private Operand<TFloat32> repeatGradient(Operand<TFloat32> dy, Operand<TFloat32> divisor, OneHot oneHot) {
        Operand<TFloat32> atClicks = tf.gatherNd(dy, recentEntries);
        if (oneHot != null) {
            Operand<TInt32> labels = tf.reshape(oneHot.labels(), tf.constant(new long[]{-1, 1}));
            atClicks = tf.math.sub(atClicks, oneHot.scale(tf, tf.dtypes.cast(tf.math.equal(recent, labels),
                    TFloat32.class)));
        }
        return newestFirst(tf.math.div(tf.sum(tf.math.mul(atClicks, recentValid), tf.constant(0)), divisor));
    }

    /** The repeat weights' gradient for a candidate gradient {@code dy} {@code [rows, candidates]}. */
    private Operand<TFloat32> candidateRepeatGradient(Operand<TFloat32> dy, Operand<TFloat32> divisor) {
        Operand<TFloat32> perPosition = tf.sum(tf.math.mul(recentIsCandidate, tf.expandDims(dy, tf.constant(1))),
                tf.constant(new int[]{0, 2}));
        return newestFirst(tf.math.div(perPosition, divisor));
    }

    /** A per-column gradient (oldest first) in the variable's order, most recent first. */
    private Operand<TFloat32> newestFirst(Operand<TFloat32> g) {
        return tf.reverse(g, tf.constant(new int[]{0}));
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
        Output<?>[] grads = withEncoderGradients(graph, stateGrad, kernelGrad, biasGrad);
        if (repeat != null) {
            grads = java.util.Arrays.copyOf(grads, grads.length + 1);
            grads[grads.length - 1] = repeatGradient(lg.dy(), divisor, lg.minusOneHot()).asOutput();
        }
        return grads;
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
        if (repeat != null) {
            return candidateAndRecentGradients(graph, lg.dy(), divisor);
        }
        Operand<TFloat32> dy = lg.dy();
        Operand<TFloat32> stateGrad = tf.math.div(tf.linalg.matMul(dy, candidateRows), divisor);
        Operand<TFloat32> rowGrads = tf.linalg.matMul(dy, tf.math.div(state, divisor), MatMul.transposeA(true));
        Operand<TFloat32> biasGrad = tf.math.unsortedSegmentSum(tf.math.div(tf.sum(dy, tf.constant(0)), divisor),
                candidates, tf.size(bias));
        return throughRows(graph, new Operand<?>[]{state, candidateRows}, new Operand<?>[]{stateGrad, rowGrads},
                biasGrad, null);
    }

    /**
     * {@link #candidateGradients} when a repeat term appended the rows' recent clicks: the candidates' part as
     * without one, plus the recent columns' part (their output weights', biases' and repeat weights').
     */
    private Output<?>[] candidateAndRecentGradients(Graph graph, Operand<TFloat32> dy, Operand<TFloat32> divisor) {
        int window = options.repeatWindow();
        Operand<TFloat32> shared = tf.slice(dy, tf.constant(new int[]{0, 0}), tf.stack(List.of(tf.constant(-1),
                tf.size(candidates))));
        Operand<TFloat32> own = tf.slice(dy, tf.stack(List.of(tf.constant(0), tf.size(candidates))),
                tf.constant(new int[]{-1, window}));
        Operand<TFloat32> ownScaled = tf.expandDims(tf.math.div(own, divisor), tf.constant(2));
        Operand<TFloat32> stateGrad = tf.math.add(tf.math.div(tf.linalg.matMul(shared, candidateRows), divisor),
                tf.sum(tf.math.mul(ownScaled, recentRows), tf.constant(1)));
        Operand<TFloat32> rowGrads = tf.linalg.matMul(shared, tf.math.div(state, divisor), MatMul.transposeA(true));
        Operand<TFloat32> recentRowGrads = tf.math.mul(ownScaled, tf.expandDims(state, tf.constant(1)));
        Operand<TFloat32> biasGrad = tf.math.add(
                tf.math.unsortedSegmentSum(tf.math.div(tf.sum(shared, tf.constant(0)), divisor), candidates,
                        tf.size(bias)),
                tf.math.unsortedSegmentSum(tf.math.div(own, divisor), recentSafe, tf.size(bias)));
        Operand<TFloat32> ownRepeat = newestFirst(tf.math.div(tf.sum(tf.math.mul(recentSame,
                tf.expandDims(own, tf.constant(2))), tf.constant(new int[]{0, 1})), divisor));
        Operand<TFloat32> repeatGrad = tf.math.add(candidateRepeatGradient(shared, divisor), ownRepeat);
        return throughRows(graph, new Operand<?>[]{state, candidateRows, recentRows},
                new Operand<?>[]{stateGrad, rowGrads, recentRowGrads}, biasGrad, repeatGrad);
    }

    /**
     * Every variable's gradient: TensorFlow carries {@code grads} at {@code ys} (the state, gathered output rows)
     * back to the encoder and the kernel; the bias's and the repeat weights' are given.
     */
    private Output<?>[] throughRows(Graph graph, Operand<?>[] ys, Operand<?>[] grads, Operand<TFloat32> biasGrad,
                                    Operand<TFloat32> repeatGrad) {
        List<Variable<TFloat32>> through = new ArrayList<>(encoder.variables());
        through.add(kernel);
        Output<?>[] xs = through.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] all = java.util.Arrays.copyOf(graph.addGradients("grad",
                java.util.Arrays.stream(ys).map(Operand::asOutput).toArray(Output<?>[]::new), xs,
                java.util.Arrays.stream(grads).map(Operand::asOutput).toArray(Output<?>[]::new)), variables().size());
        all[through.size()] = biasGrad.asOutput();
        if (repeatGrad != null) {
            all[through.size() + 1] = repeatGrad.asOutput();
        }
        return all;
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

    /** Encoder (embedding first, when it has its own), then the output kernel and bias, then the repeat weights. */
    @Override
    public List<Variable<TFloat32>> variables() {
        List<Variable<TFloat32>> vars = new ArrayList<>(encoder.variables());
        vars.add(kernel);
        vars.add(bias);
        if (repeat != null) {
            vars.add(repeat);
        }
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
