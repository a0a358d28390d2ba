package org.sessionrnn.model;

import java.util.List;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
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

    /** Creates one variable of the encoder: its scope, name, shape and (lazily) its initial value. */
    @FunctionalInterface
    private interface VariableMaker {
        Variable<TFloat32> make(Ops scope, String name, Shape shape, Supplier<Operand<TFloat32>> initial);
    }

    /**
     * @param items     catalogue size; row {@code items} of the embedding is the padding row
     * @param embedding embedding size
     * @param hidden    GRU units
     */
    public GruEncoder(Ops tf, Initializers init, int items, int embedding, int hidden) {
        this(tf, init, items, null, embedding, hidden, GruEncoder::initialised);
    }

    /**
     * An encoder that looks clicks up in {@code table} ({@code [items, embedding]}), a tensor owned elsewhere
     * (e.g. the transposed output layer for tied embeddings); it has no embedding variable of its own.
     */
    public GruEncoder(Ops tf, Initializers init, int items, Operand<TFloat32> table, int embedding, int hidden) {
        this(tf, init, items, table, embedding, hidden, GruEncoder::initialised);
    }

    /**
     * An encoder whose variables have no initial values, for a graph that restores them from a checkpoint (an
     * exported inference graph then holds no initialiser ops).
     */
    public static GruEncoder forRestore(Ops tf, int items, int embedding, int hidden) {
        return new GruEncoder(tf, null, items, null, embedding, hidden, GruEncoder::uninitialised);
    }

    /**
     * An encoder for restoring whose clicks are looked up in {@code table} ({@code [items, embedding]}), as the
     * tied-embedding constructor builds it for training; it has no embedding variable of its own.
     */
    public static GruEncoder forRestore(Ops tf, int items, Operand<TFloat32> table, int embedding, int hidden) {
        return new GruEncoder(tf, null, items, table, embedding, hidden, GruEncoder::uninitialised);
    }

    private static Variable<TFloat32> initialised(Ops s, String name, Shape shape, Supplier<Operand<TFloat32>> initial) {
        return s.withName(name).variable(initial.get());
    }

    private static Variable<TFloat32> uninitialised(Ops s, String name, Shape shape, Supplier<Operand<TFloat32>> initial) {
        return s.withName(name).variable(shape, TFloat32.class);
    }

    /**
     * Creates the variables in a fixed order (each initializer's seed index depends on it): the embedding unless
     * {@code table} is given, then the GRU's kernels and bias.
     */
    private GruEncoder(Ops tf, Initializers init, int items, Operand<TFloat32> table, int embedding, int hidden,
                       VariableMaker make) {
        this.tf = tf;
        this.items = items;
        this.hidden = hidden;
        this.embeddingSize = embedding;
        Ops s = tf.withSubScope("encoder");
        // Keras' Embedding default: uniform(-0.05, 0.05); the initializer is only asked when the variable is made
        this.embedding = table != null ? null : make.make(s, "embedding", Shape.of(items + 1, embedding),
                () -> init.uniform(Shape.of(items + 1, embedding), 0.05));
        this.table = table != null ? table : this.embedding;
        this.inputKernel = make.make(s, "input_kernel", Shape.of(embedding, 3L * hidden),
                () -> init.glorot(embedding, 3L * hidden));
        this.inputBias = make.make(s, "input_bias", Shape.of(3L * hidden), () -> init.zeros(3L * hidden));
        this.gateKernel = make.make(s, "gate_kernel", Shape.of(hidden, 2L * hidden), () -> init.glorot(hidden, 2L * hidden));
        this.candidateKernel = make.make(s, "candidate_kernel", Shape.of(hidden, hidden), () -> init.glorot(hidden, hidden));
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
        for (int t = 0; t < steps; t++) {
            // select, not h + m * (h' - h): the kept value is bit-exact, as in the packed encoder
            h = tf.select(presentPerStep.get(t), step(h, perStep.get(t)), h);
        }
        return h;
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
