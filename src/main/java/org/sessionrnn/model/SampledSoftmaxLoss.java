package org.sessionrnn.model;

import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Sampled softmax cross-entropy with the log-Q correction (Bengio and Senecal 2008; Jean et al. 2015; Yi et al.
 * 2019), a cheaper training loss than {@link SoftmaxLoss} for large catalogues. Each step scores only the
 * candidates: the batch's own labels plus negatives shared by all rows ({@link NegativeSampler}). Every
 * candidate's score is lowered by the log of its expected count among the candidates, which makes the sampled
 * softmax estimate the full one; a candidate that is the row's label but not the row's own column (two rows with
 * the same label) is left out of that row's softmax. Ranking and evaluation still score every item.
 *
 * <p>With a repeat term ({@link SoftmaxBlock.Options#repeatWindow}) each row's softmax also holds the row's own
 * recent clicks, each item once and corrected as a label of that item would be; a shared candidate that is one of
 * them is left out. Without them the term's items would enter the softmax only when drawn, and the term, which
 * raises just those items, would be learnt too large.
 *
 * <p>The gradient at the candidate logits is {@code softmax - onehot}, a {@code [batch, candidates]} tensor small
 * enough to form; {@link SoftmaxBlock} writes out the output layer's gradients from it.
 */
public final class SampledSoftmaxLoss implements Loss {
    /** Added to a left-out candidate's score: its probability underflows to exactly 0. */
    private static final float LEFT_OUT = -1e9f;

    private final NegativeSampler sampler;
    private final int[] negatives;
    private Placeholder<TInt32> negativeFeed;
    private Placeholder<TFloat32> logCountFeed;
    private Placeholder<TFloat32> recentLogCountFeed;
    private TInt32 negativeTensor;
    private TFloat32 logCountTensor;
    private TFloat32 recentLogCountTensor;
    private int window;

    private final boolean derived;

    public SampledSoftmaxLoss(NegativeSampler sampler) {
        this(sampler, false);
    }

    /**
     * With {@code derived}, the same loss whose gradients TensorFlow derives from the scalar loss itself, through
     * a log-softmax: slower, the reference that the written-out gradients are checked against.
     */
    SampledSoftmaxLoss(NegativeSampler sampler, boolean derived) {
        this.sampler = sampler;
        this.negatives = new int[sampler.negatives()];
        this.derived = derived;
    }

    @Override
    public LossAndGradient build(Ops tf, ForwardBlock block, Operand<TFloat32> scores, Placeholder<TInt32> labels) {
        if (!(block instanceof SoftmaxBlock softmax)) {
            throw new IllegalArgumentException("sampled softmax needs a softmax output layer, not "
                    + block.getClass().getSimpleName());
        }
        negativeFeed = tf.withName("sampled_negatives").placeholder(TInt32.class, Placeholder.shape(Shape.of(-1)));
        logCountFeed = tf.withName("sampled_log_counts").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        // the labels' placeholder has no declared shape: give the loss's tensors a known rank
        Operand<TInt32> rowLabels = tf.reshape(labels, tf.constant(new long[]{-1}));
        Operand<TInt32> candidates = tf.concat(java.util.List.of(rowLabels, negativeFeed), tf.constant(0));
        Operand<TFloat32> logits = softmax.candidateLogits(candidates);
        Operand<TInt32> rows = tf.range(tf.constant(0), tf.size(rowLabels), tf.constant(1));
        Operand<TInt32> columns = tf.range(tf.constant(0), tf.size(candidates), tf.constant(1));
        Operand<TBool> own = tf.math.equal(tf.expandDims(rows, tf.constant(1)), tf.expandDims(columns, tf.constant(0)));
        Operand<TBool> sameItem = tf.math.equal(tf.expandDims(rowLabels, tf.constant(1)),
                tf.expandDims(candidates, tf.constant(0)));
        window = softmax.recentWindow();
        Operand<TBool> leftOut = tf.math.logicalAnd(sameItem, tf.math.logicalNot(own));
        Operand<TFloat32> logCounts = logCountFeed;
        if (window > 0) {
            Operand<TInt32> recent = softmax.recentClicks();
            leftOut = tf.math.logicalAnd(tf.math.logicalOr(sameItem, softmax.candidatesInRecent()),
                    tf.math.logicalNot(own));
            leftOut = tf.concat(java.util.List.of(leftOut, recentLeftOut(tf, recent, rowLabels)), tf.constant(1));
            own = tf.concat(java.util.List.of(own, tf.fill(tf.shape(recent), tf.constant(false))), tf.constant(1));
            recentLogCountFeed = tf.withName("sampled_recent_log_counts").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, window)));
            Operand<TFloat32> shared = tf.broadcastTo(tf.expandDims(logCountFeed, tf.constant(0)),
                    tf.stack(java.util.List.of(tf.size(rowLabels), tf.size(candidates))));
            logCounts = tf.concat(java.util.List.of(shared, recentLogCountFeed), tf.constant(1));
        }
        Operand<TFloat32> corrected = tf.math.sub(tf.math.add(logits,
                tf.math.mul(tf.dtypes.cast(leftOut, TFloat32.class), tf.constant(LEFT_OUT))), logCounts);
        Operand<TFloat32> batchSize = tf.dtypes.cast(tf.size(labels), TFloat32.class);
        if (derived) {
            Operand<TFloat32> picked = tf.math.mul(tf.nn.logSoftmax(corrected), tf.dtypes.cast(own, TFloat32.class));
            Operand<TFloat32> loss = tf.math.div(tf.math.neg(tf.sum(picked, tf.constant(new int[]{0, 1}))), batchSize);
            return new LossAndGradient(loss, loss, null);
        }
        Operand<TFloat32> probabilities = tf.nn.softmax(corrected);
        Operand<TFloat32> mean = tf.math.div(tf.sum(SoftmaxLoss.labelNegLogLikelihood(tf, probabilities, rows),
                tf.constant(0)), batchSize);
        Operand<TFloat32> dy = tf.math.sub(probabilities, tf.dtypes.cast(own, TFloat32.class));
        return new LossAndGradient(mean, logits, dy, batchSize);
    }

    /**
     * The recent-click columns a row leaves out, {@code [rows, window]}: a column before its first click (the
     * padding index), its label (its own column holds it) and an item that a more recent click repeats.
     */
    private Operand<TBool> recentLeftOut(Ops tf, Operand<TInt32> recent, Operand<TInt32> rowLabels) {
        boolean[][] later = new boolean[window][window];
        for (int j = 0; j < window; j++) {
            for (int k = j + 1; k < window; k++) {
                later[j][k] = true;
            }
        }
        Operand<TBool> repeated = tf.reduceAny(tf.math.logicalAnd(tf.math.equal(tf.expandDims(recent, tf.constant(2)),
                tf.expandDims(recent, tf.constant(1))), tf.expandDims(tf.constant(later), tf.constant(0))),
                tf.constant(2));
        Operand<TBool> padding = tf.math.greaterEqual(recent, tf.constant(sampler.items()));
        Operand<TBool> label = tf.math.equal(recent, tf.expandDims(rowLabels, tf.constant(1)));
        return tf.math.logicalOr(tf.math.logicalOr(padding, label), repeated);
    }

    @Override
    public Session.Runner feed(Session.Runner runner, Batch batch) {
        return feedTraining(runner, batch, 0);
    }

    /** Draws step {@code step}'s negatives and feeds them with every candidate's log expected count. */
    @Override
    public Session.Runner feedTraining(Session.Runner runner, Batch batch, long step) {
        sampler.draw(step, negatives);
        int rows = batch.size();
        float[] logs = new float[rows + negatives.length];
        for (int r = 0; r < rows; r++) {
            logs[r] = sampler.logExpectedCount(batch.label(r), rows);
        }
        for (int j = 0; j < negatives.length; j++) {
            logs[rows + j] = sampler.logExpectedCount(negatives[j], rows);
        }
        closeFeeds();
        negativeTensor = TensorFeeds.ints(negatives, negatives.length);
        logCountTensor = TensorFeeds.floats(logs, logs.length);
        runner.feed(negativeFeed, negativeTensor).feed(logCountFeed, logCountTensor);
        if (window > 0) {
            recentLogCountTensor = recentLogCounts(batch);
            runner.feed(recentLogCountFeed, recentLogCountTensor);
        }
        return runner;
    }

    /** Each row's recent clicks' log expected counts as labels, {@code [rows, window]}; 0 for padding. */
    private TFloat32 recentLogCounts(Batch batch) {
        int rows = batch.size();
        int steps = batch.steps();
        float[] logs = new float[rows * window];
        int[] inputs = batch.inputs();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < window; j++) {
                int item = inputs[(r + 1) * steps - window + j];
                logs[r * window + j] = 0;
            }
        }
        return TensorFeeds.floats(logs, rows, window);
    }

    private void closeFeeds() {
        if (negativeTensor != null) {
            negativeTensor.close();
            logCountTensor.close();
        }
        if (recentLogCountTensor != null) {
            recentLogCountTensor.close();
            recentLogCountTensor = null;
        }
    }

    @Override
    public void close() {
        closeFeeds();
    }
}
