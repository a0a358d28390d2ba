package org.sessionrnn.model;

import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

/**
 * What every model with its own TensorFlow graph shares: the graph and its session, the Adam step count (kept in
 * Java, restored by the trainer on resume), checkpoints, reading variables, in-graph rank counting and closing.
 * The session is opened before the subclass adds its ops; TensorFlow extends a session's graph on the next run.
 */
public abstract class GraphModel implements SessionModel {
    /** Ranks count mask entries per chunk of this many items in bytes, which cannot overflow. */
    private static final int COUNT_CHUNK = 255;

    protected final Graph graph;
    protected final Ops tf;
    protected final Session session;
    private long stepCount;

    protected GraphModel() {
        this.graph = new Graph();
        this.tf = Ops.create(graph);
        this.session = Sessions.open(graph);
    }

    /** Counts the step about to be taken and returns its 1-based number (Adam's bias correction needs it). */
    protected long nextStep() {
        return ++stepCount;
    }

    /**
     * Number of true entries per row of a {@code [batch, items]} mask. Summing int32 casts of the mask wrote and
     * read 77 MB per count at 37,483 items; instead the mask becomes bytes, is padded to whole chunks of
     * {@value #COUNT_CHUNK}, summed per chunk in bytes, and only the {@code [batch, items / chunk]} chunk sums are
     * widened. Exact for every catalogue size.
     */
    protected Operand<TInt32> countTrue(Operand<TBool> mask, int items) {
        int chunks = (items + COUNT_CHUNK - 1) / COUNT_CHUNK;
        Operand<TUint8> bytes = tf.pad(tf.dtypes.cast(mask, TUint8.class),
                tf.constant(new int[][]{{0, 0}, {0, chunks * COUNT_CHUNK - items}}), tf.constant(TUint8.class, 0));
        Operand<TUint8> perChunk = tf.sum(tf.reshape(bytes, tf.constant(new long[]{-1, chunks, COUNT_CHUNK})),
                tf.constant(2));
        return tf.sum(tf.dtypes.cast(perChunk, TInt32.class), tf.constant(1));
    }

    /** Copies the current value of a float tensor (e.g. a variable) out of the session. */
    public float[] read(Operand<TFloat32> value) {
        try (Result r = session.runner().fetch(value).run()) {
            float[] values = new float[(int) r.get(0).shape().size()];
            TensorFeeds.read(r.get(0), values);
            return values;
        }
    }

    /** Parameters of the given variables. */
    protected static long count(Iterable<Variable<TFloat32>> variables) {
        long n = 0;
        for (Variable<TFloat32> v : variables) {
            n += v.shape().size();
        }
        return n;
    }

    @Override
    public void save(Path prefix) {
        session.save(prefix.toString());
    }

    @Override
    public void restore(Path prefix) {
        session.restore(prefix.toString());
    }

    @Override
    public long steps() {
        return stepCount;
    }

    @Override
    public void setSteps(long steps) {
        this.stepCount = steps;
    }

    /** Frees what the subclass holds besides the graph and session; called first by {@link #close()}. */
    protected void closeResources() {
    }

    @Override
    public final void close() {
        closeResources();
        session.close();
        graph.close();
    }
}
