package org.sessionrnn.runner;

import java.util.List;
import org.sessionrnn.model.BlockMaker;
import org.sessionrnn.model.Clicks;
import org.sessionrnn.model.ForwardBlock;
import org.sessionrnn.model.GruEncoder;
import org.sessionrnn.model.Parameters;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A NARM-style forward block (Li et al. 2017), the example of docs/extending.md: the session vector is the GRU's
 * last state next to an attention-weighted sum of all its states, and a dense layer over all items scores it.
 * The weight of step {@code j} is {@code v . sigmoid(A1 h_last + A2 h_j)}, zero where the row has no click. The
 * forward pass is written once; the shared encoder reads packed (training) or padded (export) clicks.
 */
final class AttentionBlock implements ForwardBlock {
    private final Ops tf;
    private final int hidden;
    private final GruEncoder encoder;
    private final Variable<TFloat32> query;
    private final Variable<TFloat32> key;
    private final Variable<TFloat32> weight;
    private final Variable<TFloat32> kernel;
    private final Variable<TFloat32> bias;

    private AttentionBlock(Ops tf, Parameters params, int items, int embedding, int hidden) {
        this.tf = tf;
        this.hidden = hidden;
        this.encoder = new GruEncoder(tf, params, items, embedding, hidden);
        Ops attention = tf.withSubScope("attention");
        this.query = params.glorot(attention, "query", hidden, hidden);
        this.key = params.glorot(attention, "key", hidden, hidden);
        this.weight = params.glorot(attention, "weight", hidden, 1);
        Ops output = tf.withSubScope("output");
        this.kernel = params.glorot(output, "kernel", 2L * hidden, items);
        this.bias = params.zeros(output, "bias", items);
    }

    static BlockMaker maker(int items, int embedding, int hidden) {
        return (tf, params) -> new AttentionBlock(tf, params, items, embedding, hidden);
    }

    @Override
    public Operand<TFloat32> scores(Clicks clicks) {
        int steps = clicks.steps();
        GruEncoder.States s = encoder.states(clicks);
        Operand<TFloat32> last = tf.squeeze(tf.gather(s.states(), tf.constant(new int[]{steps - 1}), tf.constant(1)),
                org.tensorflow.op.core.Squeeze.axis(List.of(1L)));
        Operand<TFloat32> flat = tf.reshape(s.states(), tf.constant(new long[]{-1, hidden}));
        Operand<TFloat32> keys = tf.reshape(tf.linalg.matMul(flat, key), tf.constant(new long[]{-1, steps, hidden}));
        Operand<TFloat32> gate = tf.math.sigmoid(tf.math.add(keys, tf.expandDims(tf.linalg.matMul(last, query),
                tf.constant(1))));
        Operand<TFloat32> alpha = tf.math.mul(tf.reshape(tf.linalg.matMul(tf.reshape(gate,
                tf.constant(new long[]{-1, hidden})), weight), tf.constant(new long[]{-1, steps})), s.mask());
        Operand<TFloat32> local = tf.sum(tf.math.mul(tf.expandDims(alpha, tf.constant(2)), s.states()),
                tf.constant(1));
        Operand<TFloat32> session = tf.concat(List.of(last, local), tf.constant(1));
        return tf.nn.biasAdd(tf.linalg.matMul(session, kernel), bias);
    }

    @Override
    public List<Variable<TFloat32>> variables() {
        List<Variable<TFloat32>> vars = new java.util.ArrayList<>(encoder.variables());
        vars.addAll(List.of(query, key, weight, kernel, bias));
        return vars;
    }

    @Override
    public String scoreKind() {
        return "logit";
    }
}
