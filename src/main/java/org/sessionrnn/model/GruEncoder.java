package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The part all GRU variants share: an item embedding with one extra padding row, and one GRU layer unrolled
 * statically over the input steps (TF Java cannot differentiate through while loops). Inputs are right-aligned;
 * a masked carry {@code h += m_t * (h_new - h)} leaves the state untouched on padding, so the final state is
 * the state after the last real click.
 *
 * <p>GRU as in Keras ({@code reset_after=false}): {@code z = s(x Wz + h Uz + bz)}, {@code r = s(x Wr + h Ur + br)},
 * {@code c = tanh(x Wh + (r*h) Uh + bh)}, {@code h' = z*h + (1-z)*c}.
 */
public final class GruEncoder {
    private final Ops tf;
    private final int items;
    private final int hidden;
    private final Variable<TFloat32> embedding;
    private final Variable<TFloat32> inputKernel;
    private final Variable<TFloat32> inputBias;
    private final Variable<TFloat32> gateKernel;
    private final Variable<TFloat32> candidateKernel;

    /**
     * @param items     catalogue size; row {@code items} of the embedding is the padding row
     * @param embedding embedding size
     * @param hidden    GRU units
     */
    public GruEncoder(Ops tf, Initializers init, int items, int embedding, int hidden) {
        this.tf = tf;
        this.items = items;
        this.hidden = hidden;
        Ops s = tf.withSubScope("encoder");
        // Keras' Embedding default: uniform(-0.05, 0.05)
        this.embedding = s.withName("embedding").variable(init.uniform(org.tensorflow.ndarray.Shape.of(items + 1, embedding), 0.05));
        this.inputKernel = s.withName("input_kernel").variable(init.glorot(embedding, 3L * hidden));
        this.inputBias = s.withName("input_bias").variable(init.zeros(3L * hidden));
        this.gateKernel = s.withName("gate_kernel").variable(init.glorot(hidden, 2L * hidden));
        this.candidateKernel = s.withName("candidate_kernel").variable(init.glorot(hidden, hidden));
    }

    /**
     * The final GRU state {@code [batch, hidden]} for right-aligned inputs {@code [batch, steps]} padded with
     * {@code items}.
     */
    public Operand<TFloat32> encode(Operand<TInt32> inputs, int steps) {
        Operand<TFloat32> mask = tf.dtypes.cast(tf.math.notEqual(inputs, tf.constant(items)), TFloat32.class);
        Operand<TFloat32> x = tf.gather(embedding, inputs, tf.constant(0));
        long dim = embedding.shape().size(1);
        Operand<TFloat32> flat = tf.reshape(x, tf.constant(new long[]{-1, dim}));
        // one large product for all steps' input projections instead of one per step
        Operand<TFloat32> projected = tf.nn.biasAdd(tf.linalg.matMul(flat, inputKernel), inputBias);
        Operand<TFloat32> perStep = tf.reshape(projected, tf.constant(new long[]{-1, steps, 3L * hidden}));
        List<Operand<TFloat32>> xs = unstackSteps(perStep, steps);
        List<Operand<TFloat32>> ms = unstackSteps(tf.expandDims(mask, tf.constant(-1)), steps);
        Operand<TFloat32> h = firstStep(xs.get(0), ms.get(0));
        for (int t = 1; t < steps; t++) {
            h = step(h, xs.get(t), ms.get(t));
        }
        return h;
    }

    private List<Operand<TFloat32>> unstackSteps(Operand<TFloat32> value, int steps) {
        var parts = tf.unstack(value, (long) steps, org.tensorflow.op.core.Unstack.axis(1L));
        return new ArrayList<>(parts.output());
    }

    /** With h = 0 the recurrent products vanish: h1 = m * (1 - z) * tanh(xh). */
    private Operand<TFloat32> firstStep(Operand<TFloat32> x, Operand<TFloat32> m) {
        List<Operand<TFloat32>> g = split3(x);
        Operand<TFloat32> z = tf.math.sigmoid(g.get(0));
        Operand<TFloat32> c = tf.math.tanh(g.get(2));
        return tf.math.mul(m, tf.math.mul(tf.math.sub(tf.constant(1f), z), c));
    }

    private Operand<TFloat32> step(Operand<TFloat32> h, Operand<TFloat32> x, Operand<TFloat32> m) {
        List<Operand<TFloat32>> g = split3(x);
        Operand<TFloat32> hu = tf.linalg.matMul(h, gateKernel);
        var zr = tf.split(tf.constant(1), hu, 2L).output();
        Operand<TFloat32> z = tf.math.sigmoid(tf.math.add(g.get(0), zr.get(0)));
        Operand<TFloat32> r = tf.math.sigmoid(tf.math.add(g.get(1), zr.get(1)));
        Operand<TFloat32> c = tf.math.tanh(tf.math.add(g.get(2), tf.linalg.matMul(tf.math.mul(r, h), candidateKernel)));
        // h' = z*h + (1-z)*c = c + z*(h - c); masked: h + m*(h' - h)
        Operand<TFloat32> next = tf.math.add(c, tf.math.mul(z, tf.math.sub(h, c)));
        return tf.math.add(h, tf.math.mul(m, tf.math.sub(next, h)));
    }

    private List<Operand<TFloat32>> split3(Operand<TFloat32> x) {
        return new ArrayList<>(tf.split(tf.constant(1), x, 3L).output());
    }

    /** All trainable variables of the encoder, embedding first. */
    public List<Variable<TFloat32>> variables() {
        return List.of(embedding, inputKernel, inputBias, gateKernel, candidateKernel);
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
