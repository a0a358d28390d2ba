package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M4's forward pass: the GRU state goes through one fully connected tanh layer, then a linear layer into the
 * item embedding space ({@code head/*}); the result, scaled to unit length, is scored by cosine against every
 * item's target embedding. Its loss ({@link #cosineDistance()}) is {@code 1 - cos(output, e_label)}.
 *
 * <p>The target embeddings {@code e} are those of an M1 trained on the full training set, normalised once and
 * held as a graph constant: they cannot move, and no optimiser ever sees them. The model's own input embedding
 * is a variable initialised from the same M1 embedding and trained with the rest (a fresh one would have to
 * relearn what the targets already encode). Tanh is used for the hidden layer: it keeps the layer's output
 * bounded like the GRU state it reads, which is the stability the paper added the layer for.
 */
public final class EmbeddingCosineBlock implements ForwardBlock {
    private final Ops tf;
    private final GruEncoder encoder;
    private final List<Variable<TFloat32>> headVariables;
    private final int items;
    private final int embedding;
    private final float[] unitTargets;
    /** Null when the input embedding keeps its initial values (a graph that restores its weights). */
    private final float[] initialEmbedding;
    /** The training graph's unit outputs and target constant, which the loss reads. */
    private Operand<TFloat32> output;
    private Operand<TFloat32> targets;

    private EmbeddingCosineBlock(Ops tf, Parameters params, int items, int embedding, int gru, int hiddenSize,
                                 float[] unitTargets, float[] initialEmbedding) {
        if (unitTargets.length != (long) items * embedding) {
            throw new IllegalArgumentException("target embedding has " + unitTargets.length + " values, expected "
                    + (long) items * embedding);
        }
        this.tf = tf;
        this.items = items;
        this.embedding = embedding;
        this.unitTargets = unitTargets;
        this.initialEmbedding = initialEmbedding;
        this.encoder = new GruEncoder(tf, params, items, embedding, gru);
        Ops head = tf.withSubScope("head");
        this.headVariables = List.of(params.glorot(head, "hidden_kernel", gru, hiddenSize),
                params.zeros(head, "hidden_bias", hiddenSize), params.glorot(head, "out_kernel", hiddenSize, embedding),
                params.zeros(head, "out_bias", embedding));
    }

    /**
     * Makes this block.
     *
     * @param unitTargets      the target embeddings, {@code items x embedding} row-major, rows of unit length
     * @param initialEmbedding the input embedding's starting value ({@code (items + 1) x embedding}), or null
     */
    public static BlockMaker maker(int items, int embedding, int gru, int hiddenSize, float[] unitTargets,
                                   float[] initialEmbedding) {
        return (tf, params) -> new EmbeddingCosineBlock(tf, params, items, embedding, gru, hiddenSize, unitTargets,
                initialEmbedding);
    }

    /**
     * M4 ready to train: this block with the targets and initial input embedding of {@code pretrained}, the
     * cosine distance, Adam.
     *
     * @param gru        GRU units
     * @param hiddenSize units of the fully connected layer after the GRU
     * @param pretrained the full-data M1 whose embedding gives the fixed targets and the initial input embedding
     */
    public static ModelParts parts(int items, int embedding, int gru, int hiddenSize, int steps, long seed,
                                   SoftmaxWeights pretrained, TrainingOptions training) {
        float[] e = pretrained.embedding();
        return new ModelParts(items, steps, seed, maker(items, embedding, gru, hiddenSize,
                normalisedRows(e, items, embedding), e), EmbeddingCosineBlock::cosineDistance, training);
    }

    @Override
    public Operand<TFloat32> scores(Clicks clicks) {
        Operand<TFloat32> hidden = tf.math.tanh(tf.nn.biasAdd(tf.linalg.matMul(encoder.finalState(clicks),
                headVariables.get(0)), headVariables.get(1)));
        Operand<TFloat32> unit = unitRows(tf.nn.biasAdd(tf.linalg.matMul(hidden, headVariables.get(2)),
                headVariables.get(3)));
        Operand<TFloat32> constant = tf.withName("target_embedding").constant(Shape.of(items, embedding),
                DataBuffers.of(unitTargets, true, false));
        if (clicks.training()) {
            this.output = unit;
            this.targets = constant;
        }
        return tf.linalg.matMul(unit, constant, MatMul.transposeB(true));
    }

    /** M4's loss: the mean cosine distance {@code 1 - cos(output, e_label)}; its gradients are TensorFlow's. */
    public static Loss cosineDistance() {
        return new Loss() {
            @Override
            public LossAndGradient build(Ops tf, ForwardBlock block, Operand<TFloat32> scores,
                                         Placeholder<TInt32> labels) {
                EmbeddingCosineBlock b = (EmbeddingCosineBlock) block;
                Operand<TFloat32> target = tf.gather(b.targets, labels, tf.constant(0));
                Operand<TFloat32> cosine = tf.sum(tf.math.mul(b.output, target), tf.constant(1));
                Operand<TFloat32> loss = tf.math.mean(tf.math.sub(tf.constant(1f), cosine), tf.constant(0));
                return new LossAndGradient(loss, loss, null);
            }
        };
    }

    /** Unit-length rows; the epsilon keeps an all-zero row at zero instead of NaN. */
    private Operand<TFloat32> unitRows(Operand<TFloat32> x) {
        Operand<TFloat32> squares = tf.sum(tf.math.mul(x, x), tf.constant(1), Sum.keepDims(true));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.add(squares, tf.constant(1e-12f))));
    }

    /** The first {@code items} rows (the padding row is no prediction target), each scaled to unit length. */
    public static float[] normalisedRows(float[] embedding, int items, int dim) {
        float[] out = new float[items * dim];
        for (int i = 0; i < items; i++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                norm += (double) embedding[i * dim + d] * embedding[i * dim + d];
            }
            double scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int d = 0; d < dim; d++) {
                out[i * dim + d] = (float) (embedding[i * dim + d] * scale);
            }
        }
        return out;
    }

    @Override
    public void initialise(Ops tf, Session session) {
        if (initialEmbedding != null) {
            VariableAssignment.assign(tf, session, List.of(encoder.embedding()), List.of(initialEmbedding));
        }
    }

    /**
     * Encoder (input embedding included) and the two dense layers: the trained parameters used at prediction
     * time. The fixed {@code items x embedding} target matrix is also read at prediction time but is not counted,
     * as in the paper's Table 2.
     */
    @Override
    public List<Variable<TFloat32>> variables() {
        List<Variable<TFloat32>> vars = new ArrayList<>(encoder.variables());
        vars.addAll(headVariables);
        return vars;
    }

    @Override
    public String scoreKind() {
        return "cosine";
    }

    public GruEncoder encoder() {
        return encoder;
    }

    /** The training graph's target embeddings (unit rows, {@code [items, embedding]}). */
    public Operand<TFloat32> targets() {
        return targets;
    }
}
