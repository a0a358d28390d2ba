package org.sessionrnn.model;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * M1 as first written, the reference the fast graph must match: padded {@code [rows, steps]} inputs, every row
 * stepped through every step with a masked carry {@code h + m (h' - h)}, the sparse cross-entropy op's loss and
 * backprop divided by the batch size, and TensorFlow's gradient graph for every variable. Same variables in the
 * same creation order as {@link SoftmaxBlock}, so the same seed gives the same initial weights.
 */
final class StraightforwardM1 implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Ops tf = Ops.create(graph);
    private final Session session = new Session(graph);
    private final int steps;
    private final int items;
    private final GruEncoder encoder;
    private final Placeholder<TInt32> inputs;
    private final Placeholder<TInt32> labels;
    private final Variable<TFloat32> outputKernel;
    private final Variable<TFloat32> outputBias;
    private final Operand<TFloat32> logits;
    private final Operand<TFloat32> loss;
    private final AdamOptimizer adam;
    private long step;

    StraightforwardM1(int items, int embedding, int hidden, int steps, long seed) {
        this.steps = steps;
        this.items = items;
        Parameters params = Parameters.initialised(tf, seed);
        encoder = new GruEncoder(tf, params, items, embedding, hidden);
        inputs = tf.placeholder(TInt32.class);
        labels = tf.placeholder(TInt32.class);
        Ops out = tf.withSubScope("output");
        outputKernel = params.glorot(out, "kernel", hidden, items);
        outputBias = params.zeros(out, "bias", items);
        logits = tf.nn.biasAdd(tf.linalg.matMul(maskedEncode(), outputKernel), outputBias);
        SparseSoftmaxCrossEntropyWithLogits<TFloat32> ce = tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, labels);
        Operand<TFloat32> n = tf.dtypes.cast(tf.size(labels), TFloat32.class);
        loss = tf.math.div(tf.sum(ce.loss(), tf.constant(0)), n);
        List<Variable<TFloat32>> vars = new java.util.ArrayList<>(encoder.variables());
        vars.add(outputKernel);
        vars.add(outputBias);
        Output<?>[] grads = graph.addGradients("grad", new Output<?>[]{logits.asOutput()},
                vars.stream().map(Variable::asOutput).toArray(Output<?>[]::new),
                new Output<?>[]{tf.math.div(ce.backprop(), n).asOutput()});
        adam = new AdamOptimizer(tf, vars, grads);
        session.initialize();
    }

    /** The GRU over all steps of all rows; padding (index {@code items}) leaves the state unchanged. */
    private Operand<TFloat32> maskedEncode() {
        List<Variable<TFloat32>> v = encoder.variables();
        int hidden = encoder.hidden();
        Operand<TFloat32> mask = tf.expandDims(tf.dtypes.cast(tf.math.notEqual(inputs, tf.constant(items)),
                TFloat32.class), tf.constant(-1));
        Operand<TFloat32> x = tf.nn.biasAdd(tf.linalg.matMul(tf.reshape(tf.gather(v.get(0), inputs, tf.constant(0)),
                tf.constant(new long[]{-1, v.get(0).shape().size(1)})), v.get(1)), v.get(2));
        Operand<TFloat32> perStep = tf.reshape(x, tf.constant(new long[]{-1, steps, 3L * hidden}));
        var xs = tf.unstack(perStep, (long) steps, Unstack.axis(1L)).output();
        var ms = tf.unstack(mask, (long) steps, Unstack.axis(1L)).output();
        Operand<TFloat32> h = tf.zerosLike(tf.slice(xs.get(0), tf.constant(new int[]{0, 0}),
                tf.constant(new int[]{-1, hidden})));
        for (int t = 0; t < steps; t++) {
            var g = tf.split(tf.constant(1), xs.get(t), 3L).output();
            var zr = tf.split(tf.constant(1), tf.linalg.matMul(h, v.get(3)), 2L).output();
            Operand<TFloat32> z = tf.math.sigmoid(tf.math.add(g.get(0), zr.get(0)));
            Operand<TFloat32> r = tf.math.sigmoid(tf.math.add(g.get(1), zr.get(1)));
            Operand<TFloat32> c = tf.math.tanh(tf.math.add(g.get(2), tf.linalg.matMul(tf.math.mul(r, h), v.get(4))));
            Operand<TFloat32> next = tf.math.add(c, tf.math.mul(z, tf.math.sub(h, c)));
            h = tf.math.add(h, tf.math.mul(ms.get(t), tf.math.sub(next, h)));
        }
        return h;
    }

    /** One Adam step on the batch; the loss before it. */
    double trainStep(Batch batch, float learningRate) {
        step++;
        try (TInt32 in = TensorFeeds.ints(batch.inputs(), batch.size(), steps);
             TInt32 lab = TensorFeeds.ints(batch.labels(), batch.size());
             TFloat32 p1 = TFloat32.scalarOf((float) Math.pow(AdamOptimizer.BETA1, step));
             TFloat32 p2 = TFloat32.scalarOf((float) Math.pow(AdamOptimizer.BETA2, step));
             TFloat32 lr = TFloat32.scalarOf(learningRate);
             Result r = session.runner().feed(inputs, in).feed(labels, lab).feed(adam.beta1Power(), p1)
                     .feed(adam.beta2Power(), p2).feed(adam.learningRate(), lr).addTarget(adam.update())
                     .fetch(loss).run()) {
            return TensorFeeds.scalar(r.get(0));
        }
    }

    /** Logits of the batch, {@code rows x items} row-major. */
    float[] logits(Batch batch) {
        try (TInt32 in = TensorFeeds.ints(batch.inputs(), batch.size(), steps);
             Result r = session.runner().feed(inputs, in).fetch(logits).run()) {
            float[] out = new float[batch.size() * items];
            TensorFeeds.read(r.get(0), out);
            return out;
        }
    }

    /** Current values of the trained variables, in {@link SoftmaxBlock#variables()} order. */
    List<float[]> variables() {
        List<float[]> values = new java.util.ArrayList<>();
        List<Variable<TFloat32>> vars = new java.util.ArrayList<>(encoder.variables());
        vars.add(outputKernel);
        vars.add(outputBias);
        for (Variable<TFloat32> v : vars) {
            try (Result r = session.runner().fetch(v).run()) {
                float[] a = new float[(int) r.get(0).shape().size()];
                TensorFeeds.read(r.get(0), a);
                values.add(a);
            }
        }
        return values;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
