package org.sessionrnn.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.sessionrnn.model.TfSessions;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Developer tool behind {@code docs/performance.md}: times the pieces of M1's output layer in isolation
 * ({@code [batch, hidden] x [hidden, items]}, the sparse cross-entropy and the products of its backward pass)
 * and alternative formulations of each, as cumulative graphs whose differences give each piece's cost.
 * Usage: {@code OutputLayerProbe [ITEMS [HIDDEN [BATCH [REPEATS]]]]}.
 */
public final class OutputLayerProbe {
    private OutputLayerProbe() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 37483;
        int hidden = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        try (Graph g = new Graph(); Session session = new Session(g, TfSessions.config())) {
            Ops tf = Ops.create(g);
            Variable<TFloat32> h = tf.variable(uniform(tf, Shape.of(batch, hidden), 1));
            Variable<TFloat32> w = tf.variable(uniform(tf, Shape.of(hidden, items), 2));
            Variable<TFloat32> b = tf.variable(uniform(tf, Shape.of(items), 3));
            Operand<TInt32> labels = tf.dtypes.cast(tf.math.mul(uniform(tf, Shape.of(batch), 4),
                    tf.constant((float) items - 1)), TInt32.class);
            Map<String, Op> targets = new LinkedHashMap<>();
            Operand<TFloat32> product = tf.linalg.matMul(h, w);
            Operand<TFloat32> logits = tf.nn.biasAdd(product, b);
            targets.put("matmul only", product);
            targets.put("matmul + biasAdd (logits)", logits);
            SparseSoftmaxCrossEntropyWithLogits<TFloat32> ce = tf.nn.sparseSoftmaxCrossEntropyWithLogits(logits, labels);
            targets.put("logits + sparse CE", ce.backprop());
            targets.put("logits + softmax op", tf.nn.softmax(logits));
            Operand<TFloat32> p = tf.nn.softmax(logits);
            Operand<TFloat32> oneHotGrad = tf.math.sub(p, tf.oneHot(labels, tf.constant(items), tf.constant(1f),
                    tf.constant(0f)));
            targets.put("softmax - oneHot", oneHotGrad);
            Operand<TInt32> rows = tf.range(tf.constant(0), tf.constant(batch), tf.constant(1));
            Operand<TInt32> at = tf.stack(java.util.List.of(rows, labels), org.tensorflow.op.core.Stack.axis(1L));
            Operand<TFloat32> scatterGrad = tf.tensorScatterNdSub(p, at, tf.onesLike(tf.dtypes.cast(labels, TFloat32.class)));
            targets.put("softmax, scatter-subtract 1", scatterGrad);
            Operand<TFloat32> grad = ce.backprop();
            targets.put("CE + divide [B,N] by batch", tf.math.div(grad, tf.constant((float) batch)));
            targets.put("CE + dh = g W^T", tf.linalg.matMul(grad, w, MatMul.transposeB(true)));
            targets.put("CE + dW = h^T g", tf.linalg.matMul(h, grad, MatMul.transposeA(true)));
            targets.put("CE + db = BiasAddGrad(g)", tf.nn.biasAddGrad(grad));
            targets.put("scatter + dh = g W^T", tf.linalg.matMul(scatterGrad, w, MatMul.transposeB(true)));
            targets.put("scatter + dW = h^T g", tf.linalg.matMul(h, scatterGrad, MatMul.transposeA(true)));
            targets.put("scatter + db = BiasAddGrad(g)", tf.nn.biasAddGrad(scatterGrad));
            for (long parts : new long[]{2, 4}) {
                java.util.List<Operand<TFloat32>> partial = new java.util.ArrayList<>();
                for (int i = 0; i < parts; i++) {
                    long from = items * i / parts;
                    long size = items * (i + 1) / parts - from;
                    Operand<TFloat32> gi = tf.slice(scatterGrad, tf.constant(new long[]{0, from}), tf.constant(new long[]{-1, size}));
                    Operand<TFloat32> wi = tf.slice(w, tf.constant(new long[]{0, from}), tf.constant(new long[]{-1, size}));
                    partial.add(tf.linalg.matMul(gi, wi, MatMul.transposeB(true)));
                }
                targets.put("scatter + dh in " + parts + " item chunks", tf.math.addN(partial));
            }
            session.initialize();
            targets.forEach((name, op) -> {
                Samples ms = Stopwatch.rates(3, repeats, () -> {
                    session.runner().addTarget(op).run();
                    return 1;
                });
                System.out.printf("%-32s median %7.2f ms  (min %7.2f, max %7.2f)%n", name, 1000 / ms.median(),
                        1000 / ms.max(), 1000 / ms.min());
            });
        }
    }

    private static Operand<TFloat32> uniform(Ops tf, Shape shape, long seed) {
        return tf.random.statelessRandomUniform(tf.constant(shape), tf.constant(new long[]{seed, 7}));
    }
}
