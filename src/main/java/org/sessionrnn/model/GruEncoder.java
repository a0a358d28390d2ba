package org.sessionrnn.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The part all GRU variants share: an item embedding with one extra padding row, and one GRU layer unrolled
 * statically over the input steps (TF Java cannot differentiate through while loops). Inputs arrive packed
 * ({@link PackedSequences}): each step computes only the rows that have a click there, so a batch costs what its
 * clicks cost, not {@code rows x steps}. The padding row of the embedding is kept for checkpoint compatibility
 * and never read.
 *
 * <p>GRU as in Keras ({@code reset_after=false}): {@code z = s(x Wz + h Uz + bz)}, {@code r = s(x Wr + h Ur + br)},
 * {@code c = tanh(x Wh + (r*h) Uh + bh)}, {@code h' = z*h + (1-z)*c}.
 */
public final class GruEncoder {
    private final Ops tf;
    private final int items;
    private final int hidden;
    private final int embeddingSize;
    /** The embedding variable, or null when the table is another variable (tied to the output layer). */
    private final Variable<TFloat32> embedding;
    /** Rows looked up per click: the embedding variable, or the table given to the constructor. */
    private final Operand<TFloat32> table;
    private final Variable<TFloat32> inputKernel;
    private final Variable<TFloat32> inputBias;
    private final Variable<TFloat32> gateKernel;
    private final Variable<TFloat32> candidateKernel;

    /**
     * @param params    how the variables are made (initialised, or for restoring)
     * @param items     catalogue size; row {@code items} of the embedding is the padding row
     * @param embedding embedding size
     * @param hidden    GRU units
     */
    public GruEncoder(Ops tf, Parameters params, int items, int embedding, int hidden) {
        this(tf, params, items, null, embedding, hidden);
    }

    /**
     * An encoder that looks clicks up in {@code table} ({@code [items, embedding]}), a tensor owned elsewhere
     * (e.g. the transposed output layer for tied embeddings), when it is not null; it then has no embedding
     * variable of its own. Creates the variables in a fixed order (each initializer's seed index depends on it):
     * the embedding unless {@code table} is given, then the GRU's kernels and bias.
     */
    public GruEncoder(Ops tf, Parameters params, int items, Operand<TFloat32> table, int embedding, int hidden) {
        this.tf = tf;
        this.items = items;
        this.hidden = hidden;
        this.embeddingSize = embedding;
        Ops s = tf.withSubScope("encoder");
        // Keras' Embedding default: uniform(-0.05, 0.05)
        this.embedding = table != null ? null : params.uniform(s, "embedding", Shape.of(items + 1, embedding), 0.05);
        this.table = table != null ? table : this.embedding;
        this.inputKernel = params.glorot(s, "input_kernel", embedding, 3L * hidden);
        this.inputBias = params.zeros(s, "input_bias", 3L * hidden);
        this.gateKernel = params.glorot(s, "gate_kernel", hidden, 2L * hidden);
        this.candidateKernel = params.glorot(s, "candidate_kernel", hidden, hidden);
    }

    /** The final GRU state {@code [rows, hidden]} of packed or padded input ({@link #encode}, {@link #encodePadded}). */
    public Operand<TFloat32> finalState(Clicks in) {
        return in.training() ? encode(in.packedInputs(), in.steps()) : encodePadded(in.paddedClicks(), in.steps());
    }

    /**
     * The final GRU state {@code [rows, hidden]}, in the original row order, of a batch fed through {@code in}
     * (see {@link PackedSequences}): only real clicks are projected and stepped; a row's state is 0 until its
     * first click and the state after its last click at the end (all rows end at the last step). A row without
     * clicks keeps state 0.
     */
    Operand<TFloat32> encode(EncoderInputs in, int steps) {
        Operand<TFloat32> x = tf.gather(table, in.clicks, tf.constant(0));
        // one product for all steps' input projections instead of one per step
        Operand<TFloat32> projected = tf.nn.biasAdd(tf.linalg.matMul(x, inputKernel), inputBias);
        List<Output<TFloat32>> perStep = tf.splitV(projected, in.stepRows, tf.constant(0), (long) steps).output();
        Operand<TFloat32> zero = tf.constant(0f);
        Operand<TFloat32> h = tf.zeros(tf.constant(new long[]{0, hidden}), TFloat32.class);
        List<Output<TInt32>> paddings = tf.unstack(in.paddings, steps + 1L).output();
        for (int t = 0; t < steps; t++) {
            h = step(tf.pad(h, paddings.get(t), zero), perStep.get(t));
        }
        Operand<TFloat32> sorted = tf.pad(h, paddings.get(steps), zero);
        return tf.gather(sorted, in.restore, tf.constant(0));
    }

    /**
     * The final GRU state {@code [rows, hidden]} of a padded batch {@code clicks [rows, steps]} of item indices in
     * which {@code -1} marks "no click": what a deployment feeds, where no Java packing step runs before the graph.
     * Every row runs every step and keeps its state where it has no click, so for right-aligned rows this is the
     * state {@link #encode} computes (the same cell, row by row).
     */
    public Operand<TFloat32> encodePadded(Operand<TInt32> clicks, int steps) {
        List<Operand<TFloat32>> all = paddedSteps(clicks, steps);
        return all.get(steps - 1);
    }

    /**
     * The GRU state after every step and where the clicks are, for blocks that read more than the final state
     * (pooling, attention over the session).
     *
     * @param states {@code [rows, steps, hidden]}: the state after step {@code t}, 0 before a row's first click
     * @param mask   {@code [rows, steps]}: 1 where the row has a click, 0 where it has none
     */
    public record States(Operand<TFloat32> states, Operand<TFloat32> mask) {
    }

    /**
     * The state after every step of packed or padded input. For both layouts a row's state is 0 until its first
     * click and the GRU's state after each click from there on; the last step's is {@link #finalState}.
     */
    public States states(Clicks in) {
        int steps = in.steps();
        if (!in.training()) {
            Operand<TInt32> clicks = in.paddedClicks();
            return new States(tf.stack(paddedSteps(clicks, steps), Stack.axis(1L)),
                    tf.dtypes.cast(tf.math.greaterEqual(clicks, tf.constant(0)), TFloat32.class));
        }
        EncoderInputs packed = in.packedInputs();
        Operand<TFloat32> x = tf.gather(table, packed.clicks, tf.constant(0));
        Operand<TFloat32> projected = tf.nn.biasAdd(tf.linalg.matMul(x, inputKernel), inputBias);
        List<Output<TFloat32>> perStep = tf.splitV(projected, packed.stepRows, tf.constant(0), (long) steps).output();
        Operand<TFloat32> zero = tf.constant(0f);
        Operand<TInt32> rows = tf.size(packed.restore);
        Operand<TFloat32> h = tf.zeros(tf.constant(new long[]{0, hidden}), TFloat32.class);
        List<Output<TInt32>> paddings = tf.unstack(packed.paddings, steps + 1L).output();
        List<Operand<TFloat32>> all = new java.util.ArrayList<>();
        for (int t = 0; t < steps; t++) {
            h = step(tf.pad(h, paddings.get(t), zero), perStep.get(t));
            // the rows not started yet are zero rows after the active ones, in sorted order
            Operand<TInt32> missing = tf.math.sub(rows, tf.gather(packed.stepRows, tf.constant(t), tf.constant(0)));
            Operand<TInt32> pad = tf.stack(List.of(tf.stack(List.of(tf.constant(0), missing)),
                    tf.constant(new int[]{0, 0})));
            all.add(tf.gather(tf.pad(h, pad, zero), packed.restore, tf.constant(0)));
        }
        Operand<TBool> present = tf.math.less(tf.expandDims(packed.restore, tf.constant(1)),
                tf.expandDims(packed.stepRows, tf.constant(0)));
        return new States(tf.stack(all, Stack.axis(1L)), tf.dtypes.cast(present, TFloat32.class));
    }

    /** The state after each step of a padded batch, kept where a row has no click. */
    private List<Operand<TFloat32>> paddedSteps(Operand<TInt32> clicks, int steps) {
        Operand<TBool> present = tf.math.greaterEqual(clicks, tf.constant(0));
        Operand<TFloat32> x = tf.gather(table, tf.math.maximum(clicks, tf.constant(0)), tf.constant(0));
        Operand<TInt32> rows = tf.squeeze(tf.shape.size(clicks, tf.constant(0)));
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[]{-1, embeddingSize}));
        Operand<TFloat32> projected = tf.reshape(tf.nn.biasAdd(tf.linalg.matMul(flat, inputKernel), inputBias),
                tf.stack(List.of(rows, tf.constant(steps), tf.constant(3 * hidden))));
        List<Output<TFloat32>> perStep = tf.unstack(projected, (long) steps, Unstack.axis(1L)).output();
        List<Output<TBool>> presentPerStep = tf.unstack(tf.expandDims(present, tf.constant(2)), (long) steps,
                Unstack.axis(1L)).output();
        Operand<TFloat32> h = tf.fill(tf.stack(List.of(rows, tf.constant(hidden))), tf.constant(0f));
        List<Operand<TFloat32>> all = new java.util.ArrayList<>();
        for (int t = 0; t < steps; t++) {
            // select, not h + m * (h' - h): the kept value is bit-exact, as in the packed encoder
            h = tf.select(presentPerStep.get(t), step(h, perStep.get(t)), h);
            all.add(h);
        }
        return all;
    }

    /** One GRU step of the active rows: {@code h' = z*h + (1-z)*c}, written {@code c + z*(h - c)}. */
    private Operand<TFloat32> step(Operand<TFloat32> h, Operand<TFloat32> x) {
        var inputParts = tf.splitV(x, tf.constant(new int[]{2 * hidden, hidden}), tf.constant(1), 2L).output();
        // update and reset gates in one pass: z|r = s(x Wzr + h Uzr + bzr)
        Operand<TFloat32> gates = tf.math.sigmoid(tf.math.add(inputParts.get(0), tf.linalg.matMul(h, gateKernel)));
        var zr = tf.split(tf.constant(1), gates, 2L).output();
        Operand<TFloat32> z = zr.get(0);
        Operand<TFloat32> r = zr.get(1);
        Operand<TFloat32> c = tf.math.tanh(tf.math.add(inputParts.get(1),
                tf.linalg.matMul(tf.math.mul(r, h), candidateKernel)));
        return tf.math.add(c, tf.math.mul(z, tf.math.sub(h, c)));
    }

    /** All trainable variables of the encoder, embedding first (when it has its own). */
    public List<Variable<TFloat32>> variables() {
        return embedding == null ? List.of(inputKernel, inputBias, gateKernel, candidateKernel)
                : List.of(embedding, inputKernel, inputBias, gateKernel, candidateKernel);
    }

    public Variable<TFloat32> embedding() {
        return embedding;
    }

    public int hidden() {
        return hidden;
    }

    public int items() {
        return items;
    }
}
