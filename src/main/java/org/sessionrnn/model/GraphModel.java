package org.sessionrnn.model;

import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gather;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

/**
 * What every model with its own TensorFlow graph shares: the graph and its session, the Adam step count (kept in
 * Java, restored by the trainer on resume) and feeding the optimizer, checkpoints, reading variables, the
 * ranking head (rank of each label among all items under both tie modes, and the top-k items, computed in the
 * graph from the model's scores) with {@link #rank} and {@link #predictTopK}, and closing. The session is opened
 * before the subclass adds its ops; TensorFlow extends a session's graph on the next run.
 */
public abstract class GraphModel implements SessionModel {
    /** Ranks count mask entries per chunk of this many items in bytes, which cannot overflow. */
    private static final int COUNT_CHUNK = 255;

    protected final Graph graph;
    protected final Ops tf;
    protected final Session session;
    /** Labels and the optimizer's three scalars, reused across steps (native allocations cost per step). */
    protected final ReusableFeeds feeds;
    private long stepCount;
    private EncoderInputs inputs;
    private RankingHead head;

    protected GraphModel() {
        this.graph = new Graph();
        this.tf = Ops.create(graph);
        this.session = TfSessions.open(graph);
        this.feeds = new ReusableFeeds(3);
    }

    /**
     * The ops that rank all items from a {@code [batch, items]} score matrix (higher is better).
     *
     * @param labels           the target item of each row
     * @param rankStandard     per row, 1 + the number of items scoring strictly above the label
     * @param rankConservative per row, the number of items scoring at least as high as the label
     * @param k                how many items {@code topItems} returns
     * @param topItems         per row, the {@code k} best items, best first
     */
    protected record RankingHead(Placeholder<TInt32> labels, Operand<TInt32> rankStandard,
                                 Operand<TInt32> rankConservative, Placeholder<TInt32> k,
                                 Operand<TInt32> topItems) {
    }

    /**
     * Adds the ranking head over {@code scores} and makes it the one {@link #rank} and {@link #predictTopK} use.
     * Called once by the subclass's constructor.
     */
    protected final RankingHead addRankingHead(Operand<TFloat32> scores, Placeholder<TInt32> labels, int items) {
        Operand<TFloat32> target = tf.gather(scores, tf.expandDims(labels, tf.constant(1)), tf.constant(1),
                Gather.batchDims(1L));
        Operand<TInt32> standard = tf.math.add(countTrue(tf.math.greater(scores, target), items), tf.constant(1));
        Operand<TInt32> conservative = countTrue(tf.math.greaterEqual(scores, target), items);
        Placeholder<TInt32> k = tf.placeholder(TInt32.class);
        this.head = new RankingHead(labels, standard, conservative, k, tf.nn.topK(scores, k, TInt32.class).indices());
        return head;
    }

    /** Adds the placeholders of the batch's input sequences, which {@link #feedInputs} feeds; called once. */
    protected final EncoderInputs addInputs(int steps) {
        this.inputs = new EncoderInputs(tf, "inputs", steps);
        return inputs;
    }

    /** Feeds the batch's input sequences (a subclass whose scores read more feeds them too). */
    protected Session.Runner feedInputs(Session.Runner runner, Batch batch) {
        return inputs.feed(runner, batch);
    }

    @Override
    public void rank(Batch batch, int[] standard, int[] conservative) {
        try (Result r = rankRunner(batch).run()) {
            TensorFeeds.read(r.get(0), standard);
            TensorFeeds.read(r.get(1), conservative);
        }
    }

    /** A runner fetching the standard and conservative ranks of the batch's labels. */
    Session.Runner rankRunner(Batch batch) {
        return feedInputs(session.runner(), batch).feed(head.labels(), feeds.labels(batch))
                .fetch(head.rankStandard()).fetch(head.rankConservative());
    }

    @Override
    public void predictTopK(Batch batch, int k, int[] dst) {
        try (TInt32 kk = TInt32.scalarOf(k);
             Result r = feedInputs(session.runner(), batch).feed(head.k(), kk).fetch(head.topItems()).run()) {
            TensorFeeds.read(r.get(0), dst);
        }
    }

    /**
     * Adds one step of {@code optimizer} to {@code runner}: counts the step and feeds what the update needs for
     * it (Adam: its bias corrections) and the learning rate.
     */
    Session.Runner feedOptimizerStep(Session.Runner runner, UpdateRule optimizer, float learningRate) {
        long step = nextStep();
        return optimizer.feed(runner, step, learningRate, feeds).addTarget(optimizer.update());
    }

    /** Counts the step about to be taken and returns its 1-based number (Adam's bias correction needs it). */
    private long nextStep() {
        return ++stepCount;
    }

    /**
     * Number of true entries per row of a {@code [batch, items]} mask. Summing int32 casts of the mask would write
     * and read four bytes per item and row; instead the mask becomes bytes, is padded to whole chunks of
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
        if (inputs != null) {
            inputs.close();
        }
        feeds.close();
        session.close();
        graph.close();
    }
}
