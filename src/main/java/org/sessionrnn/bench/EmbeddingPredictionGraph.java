package org.sessionrnn.bench;

import org.sessionrnn.model.GruEncoder;
import org.sessionrnn.model.Initializers;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Stand-in for M4's prediction path until the M4 class lands on this branch: GRU, a dense layer to the
 * embedding size, cosine similarity against every item's (fixed) embedding, top-k. Weights are random; only
 * the speed matters here. Not a trained model and not the M4 engineer's class.
 */
final class EmbeddingPredictionGraph implements AutoCloseable {
    private final Graph graph = new Graph();
    private final Session session;
    private final Placeholder<TInt32> inputs;
    private final Operand<TInt32> top;
    private final int steps;

    EmbeddingPredictionGraph(int items, int embedding, int hidden, int steps, int k, long seed) {
        this.steps = steps;
        Ops tf = Ops.create(graph);
        Initializers init = new Initializers(tf, seed);
        GruEncoder encoder = new GruEncoder(tf, init, items, embedding, hidden);
        Variable<TFloat32> kernel = tf.variable(init.glorot(hidden, embedding));
        Variable<TFloat32> bias = tf.variable(init.zeros(embedding));
        Variable<TFloat32> targets = tf.variable(init.uniform(Shape.of(items, embedding), 0.05));
        inputs = tf.placeholder(TInt32.class);
        Operand<TFloat32> predicted = tf.nn.biasAdd(tf.linalg.matMul(encoder.encode(inputs, steps), kernel), bias);
        Operand<TFloat32> cosine = tf.linalg.matMul(unit(tf, predicted), unit(tf, targets), MatMul.transposeB(true));
        top = tf.nn.topK(cosine, tf.constant(k), TInt32.class).indices();
        session = new Session(graph);
        session.initialize();
    }

    /** Rows scaled to unit length. */
    private static Operand<TFloat32> unit(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> squared = tf.sum(tf.math.mul(x, x), tf.constant(1), org.tensorflow.op.core.Sum.keepDims(true));
        return tf.math.mul(x, tf.math.rsqrt(tf.math.maximum(squared, tf.constant(1e-12f))));
    }

    /** Top-k item indices of {@code rows} right-aligned input rows, row-major into {@code dst}. */
    void predict(int[] flatInputs, int rows, int[] dst) {
        Shape shape = Shape.of(rows, steps);
        try (TInt32 in = TInt32.tensorOf(shape, DataBuffers.of(flatInputs, true, false).narrow(shape.size()));
             Result r = session.runner().feed(inputs, in).fetch(top).run()) {
            r.get(0).asRawTensor().data().asInts().read(dst, 0, dst.length);
        }
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
