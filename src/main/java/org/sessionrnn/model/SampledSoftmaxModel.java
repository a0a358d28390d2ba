package org.sessionrnn.model;

import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * NOT the paper's model: M1's architecture trained with a sampled softmax, for catalogues far larger than
 * 37k items. Each step scores every row's label against {@code samples} items drawn (with replacement, shared
 * by the batch) from a popularity distribution {@code q}, with the log-Q correction: every candidate's logit is
 * lowered by {@code log(samples * q(item))}, which makes the sampled softmax an unbiased-in-the-limit estimate of
 * the full one; sampled items equal to a row's label are masked out. Evaluation and prediction still score all
 * items with the full output layer, exactly as M1. Off by default: nothing in the experiment runner uses it.
 */
public final class SampledSoftmaxModel extends SoftmaxModel {
    private static final float MASKED = -1e9f;

    private final int samples;
    private final double[] cumulative;
    private final float[] logExpectedCount;
    private final Placeholder<TInt32> candidates;
    private final Placeholder<TFloat32> candidateCorrection;
    private final int[] drawn;
    private final float[] correction;
    private final TInt32 drawnTensor;
    private final TFloat32 correctionTensor;
    private final SplittableRandom random;

    private SampledSoftmaxModel(int items, int embedding, int hidden, int steps, long seed, int samples,
                                double[] popularity) {
        super(items, embedding, hidden, steps, seed);
        this.samples = samples;
        this.cumulative = new double[items];
        this.logExpectedCount = new float[items];
        double total = 0;
        for (double p : popularity) {
            total += p;
        }
        double sum = 0;
        for (int i = 0; i < items; i++) {
            double q = popularity[i] / total;
            sum += q;
            cumulative[i] = sum;
            logExpectedCount[i] = (float) Math.log(samples * q);
        }
        this.candidates = tf.withName("sampled_candidates").placeholder(TInt32.class);
        this.candidateCorrection = tf.withName("sampled_log_q").placeholder(TFloat32.class);
        this.drawn = new int[samples];
        this.correction = new float[samples];
        this.drawnTensor = TInt32.tensorOf(org.tensorflow.ndarray.Shape.of(samples));
        this.correctionTensor = TFloat32.tensorOf(org.tensorflow.ndarray.Shape.of(samples));
        this.random = new SplittableRandom(seed ^ 0x5A3D);
    }

    /**
     * @param popularity a positive weight per item (e.g. 1 + its training click count), the sampling distribution
     *                   after normalising
     */
    public static SampledSoftmaxModel create(int items, int embedding, int hidden, int steps, long seed, int samples,
                                             double[] popularity) {
        if (popularity.length != items || samples < 1) {
            throw new IllegalArgumentException("need one popularity weight per item and samples >= 1");
        }
        SampledSoftmaxModel model = new SampledSoftmaxModel(items, embedding, hidden, steps, seed, samples, popularity);
        model.buildTraining();
        return model;
    }

    /** Softmax cross-entropy over [label, sampled candidates], logits corrected by log Q; label at column 0. */
    @Override
    protected LossAndGradient buildLoss() {
        Operand<TFloat32> state = finalState();
        Operand<TFloat32> trueColumns = tf.gather(outputKernel, labels, tf.constant(1));
        Operand<TFloat32> trueLogit = tf.math.sub(tf.math.add(
                tf.sum(tf.math.mul(state, tf.linalg.transpose(trueColumns, tf.constant(new int[]{1, 0}))), tf.constant(1)),
                tf.gather(outputBias, labels, tf.constant(0))), tf.gather(logQ(), labels, tf.constant(0)));
        Operand<TFloat32> sampled = tf.math.sub(tf.nn.biasAdd(tf.linalg.matMul(state,
                tf.gather(outputKernel, candidates, tf.constant(1))), tf.gather(outputBias, candidates, tf.constant(0))),
                candidateCorrection);
        Operand<org.tensorflow.types.TBool> hit = tf.math.equal(tf.expandDims(labels, tf.constant(1)),
                tf.expandDims(candidates, tf.constant(0)));
        sampled = tf.select(hit, tf.fill(tf.shape(sampled), tf.constant(MASKED)), sampled);
        Operand<TFloat32> all = tf.concat(List.of(tf.expandDims(trueLogit, tf.constant(1)), sampled), tf.constant(1));
        Operand<TFloat32> p = tf.nn.softmax(all);
        Operand<TInt32> rows = tf.range(tf.constant(0), tf.size(labels), tf.constant(1));
        Operand<TInt32> at = tf.stack(List.of(rows, tf.zerosLike(rows)), Stack.axis(1L));
        Operand<TFloat32> target = tf.gatherNd(p, at);
        Operand<TFloat32> batchSize = tf.dtypes.cast(tf.size(labels), TFloat32.class);
        Operand<TFloat32> mean = tf.math.div(tf.sum(tf.math.neg(tf.math.log(
                tf.math.maximum(target, tf.constant(Float.MIN_NORMAL)))), tf.constant(0)), batchSize);
        return new LossAndGradient(mean, all, tf.tensorScatterNdSub(p, at, tf.onesLike(target)), batchSize);
    }

    private Operand<TFloat32> logQ() {
        return tf.constant(logExpectedCount);
    }

    @Override
    protected Session.Runner feedExtra(Session.Runner runner, Batch batch) {
        for (int k = 0; k < samples; k++) {
            int item = draw();
            drawn[k] = item;
            correction[k] = logExpectedCount[item];
        }
        drawnTensor.asRawTensor().data().asInts().write(drawn);
        correctionTensor.asRawTensor().data().asFloats().write(correction);
        return runner.feed(candidates, drawnTensor).feed(candidateCorrection, correctionTensor);
    }

    @Override
    protected void closeResources() {
        drawnTensor.close();
        correctionTensor.close();
        super.closeResources();
    }

    private int draw() {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
