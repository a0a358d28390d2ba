package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M4 of the paper: the GRU state goes through one fully connected tanh layer, then a linear layer into the item
 * embedding space; the loss is the cosine distance {@code 1 - cos(output, e_label)} to the true next item's
 * embedding, and a prediction is the items whose embeddings are most cosine-similar to the output.
 *
 * <p>The target embeddings {@code e} are those of an M1 trained on the full training set, normalised once and
 * held as a graph constant: they cannot move, and no optimiser ever sees them. The model's own input embedding
 * is a variable initialised from the same M1 embedding and trained with the rest (a fresh one would have to
 * relearn what the targets already encode). Tanh is used for the hidden layer: it keeps the layer's output
 * bounded like the GRU state it reads, which is the stability the paper added the layer for.
 *
 * <p>Ranks and top-k predictions come from {@link GraphModel}'s ranking head over the similarities, as for M1.
 */
public final class EmbeddingOutputModel extends GraphModel {
    private final GruEncoder encoder;
    private final int steps;
    private final EncoderInputs inputs;
    private final Placeholder<TInt32> labels;
    private final List<Variable<TFloat32>> headVariables = new ArrayList<>();
    private final Operand<TFloat32> targets;
    private final Operand<TFloat32> similarity;
    private final Operand<TFloat32> loss;
    private final AdamOptimizer adam;

    private EmbeddingOutputModel(int items, int embedding, int gru, int hiddenSize, int steps, long seed,
                                 float[] targetEmbedding) {
        this.steps = steps;
        Initializers init = new Initializers(tf, seed);
        this.encoder = new GruEncoder(tf, init, items, embedding, gru);
        this.inputs = addInputs(steps);
        this.labels = tf.withName("labels").placeholder(TInt32.class);
        Ops head = tf.withSubScope("head");
        Variable<TFloat32> hiddenKernel = head.withName("hidden_kernel").variable(init.glorot(gru, hiddenSize));
        Variable<TFloat32> hiddenBias = head.withName("hidden_bias").variable(init.zeros(hiddenSize));
        Variable<TFloat32> outKernel = head.withName("out_kernel").variable(init.glorot(hiddenSize, embedding));
        Variable<TFloat32> outBias = head.withName("out_bias").variable(init.zeros(embedding));
        headVariables.addAll(List.of(hiddenKernel, hiddenBias, outKernel, outBias));
        Operand<TFloat32> hidden = tf.math.tanh(tf.nn.biasAdd(tf.linalg.matMul(encoder.encode(inputs, steps),
                hiddenKernel), hiddenBias));
        Operand<TFloat32> output = unitRows(tf.nn.biasAdd(tf.linalg.matMul(hidden, outKernel), outBias));
        this.targets = tf.withName("target_embedding").constant(Shape.of(items, embedding),
                DataBuffers.of(normalisedRows(targetEmbedding, items, embedding), true, false));
        Operand<TFloat32> target = tf.gather(targets, labels, tf.constant(0));
        Operand<TFloat32> cosine = tf.sum(tf.math.mul(output, target), tf.constant(1));
        this.loss = tf.math.mean(tf.math.sub(tf.constant(1f), cosine), tf.constant(0));
        this.similarity = tf.linalg.matMul(output, targets, org.tensorflow.op.linalg.MatMul.transposeB(true));
        addRankingHead(similarity, labels, items);
        List<Variable<TFloat32>> vars = trainableVariables();
        Output<?>[] xs = vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new);
        Output<?>[] grads = graph.addGradients("grad", new Output<?>[]{loss.asOutput()}, xs, null);
        this.adam = new AdamOptimizer(tf, vars, grads);
        session.initialize();
    }

    /**
     * An M4 ready to train.
     *
     * @param items           catalogue size
     * @param embedding       item embedding size (the output space)
     * @param gru             GRU units
     * @param hiddenSize      units of the fully connected layer after the GRU
     * @param steps           input steps
     * @param seed            seed of every initializer
     * @param pretrained      the full-data M1 whose embedding gives the fixed targets and the initial input embedding
     */
    public static EmbeddingOutputModel create(int items, int embedding, int gru, int hiddenSize, int steps,
                                              long seed, SoftmaxWeights pretrained) {
        EmbeddingOutputModel model = new EmbeddingOutputModel(items, embedding, gru, hiddenSize, steps, seed,
                pretrained.embedding());
        SoftmaxWeights.assign(model.tf, model.session, List.of(model.encoder.embedding()),
                List.of(pretrained.embedding()));
        return model;
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

    /** Variables updated by training: encoder (input embedding included) and the two dense layers. */
    List<Variable<TFloat32>> trainableVariables() {
        List<Variable<TFloat32>> vars = new ArrayList<>(encoder.variables());
        vars.addAll(headVariables);
        return vars;
    }

    @Override
    public double trainStep(Batch batch, float learningRate) {
        try (Result r = feedOptimizerStep(inputs.feed(session.runner(), batch).feed(labels, feeds.labels(batch)),
                adam, learningRate).fetch(loss).run()) {
            return TensorFeeds.scalar(r.get(0));
        }
    }

    /**
     * Trained parameters used at prediction time: input embedding, GRU and the two dense layers. The fixed
     * {@code items x embedding} target matrix is also read at prediction time but is not counted (see
     * {@link #targetParameterCount()}), as in the paper's Table 2.
     */
    @Override
    public long parameterCount() {
        return count(trainableVariables());
    }

    /** Size of the fixed target embedding matrix. */
    public long targetParameterCount() {
        return targets.shape().size();
    }

    /** The target embeddings as the graph holds them (unit rows), {@code items x embedding} row-major. */
    public float[] targetEmbedding() {
        return read(targets);
    }

    /** The current value of the input embedding. */
    public float[] inputEmbedding() {
        return read(encoder.embedding());
    }
}
