package org.sessionrnn.model;

import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;

/**
 * The placeholders through which a batch of sequences reaches {@link GruEncoder#encode}, in the packed layout of
 * {@link PackedSequences}, and the tensors that feed them. Tensors of fixed shape are allocated once and
 * refilled; the click list, whose length changes with every batch, is allocated per batch and freed at the next.
 */
final class EncoderInputs implements AutoCloseable {
    final Placeholder<TInt32> clicks;
    final Placeholder<TInt32> stepRows;
    final Placeholder<TInt32> paddings;
    final Placeholder<TInt32> restore;
    private final PackedSequences packed;
    private final TInt32 stepRowsFeed;
    private final TInt32 paddingsFeed;
    private final java.util.Map<Integer, TInt32> restoreFeeds = new java.util.HashMap<>();
    private TInt32 clicksFeed;
    /** The last clicks of every row, {@code [rows, recentWindow]}, made only when a block asks for them. */
    private Placeholder<TInt32> recent;
    private int recentWindow;
    private final java.util.Map<Integer, TInt32> recentFeeds = new java.util.HashMap<>();
    private final String name;
    private final int steps;

    /**
     * @param tf       where the placeholders go
     * @param name     prefix of the placeholder names
     * @param steps    time steps per row
     */
    EncoderInputs(Ops tf, String name, int steps) {
        this.name = name;
        this.steps = steps;
        this.clicks = tf.withName(name + "_clicks").placeholder(TInt32.class);
        this.stepRows = tf.withName(name + "_step_rows").placeholder(TInt32.class);
        this.paddings = tf.withName(name + "_paddings").placeholder(TInt32.class);
        this.restore = tf.withName(name + "_restore").placeholder(TInt32.class);
        this.packed = new PackedSequences(steps);
        this.stepRowsFeed = TInt32.tensorOf(Shape.of(steps));
        this.paddingsFeed = TInt32.tensorOf(Shape.of(steps + 1, 2, 2));
    }

    /** Feeds the first {@code n} right-aligned rows of {@code inputs} with the given lengths. */
    Session.Runner feed(Session.Runner runner, int[] inputs, int[] lengths, int n) {
        packed.pack(inputs, lengths, n);
        if (clicksFeed != null) {
            clicksFeed.close();
        }
        clicksFeed = TensorFeeds.ints(packed.clicks(), packed.total());
        stepRowsFeed.asRawTensor().data().asInts().write(packed.stepRows());
        paddingsFeed.asRawTensor().data().asInts().write(packed.paddings());
        TInt32 restoreFeed = restoreFeeds.computeIfAbsent(n, rows -> TInt32.tensorOf(Shape.of(rows)));
        restoreFeed.asRawTensor().data().asInts().write(packed.restore(), 0, n);
        runner.feed(clicks, clicksFeed).feed(stepRows, stepRowsFeed).feed(paddings, paddingsFeed)
                .feed(restore, restoreFeed);
        return recent == null ? runner : runner.feed(recent, recentFeed(inputs, n));
    }

    /**
     * The placeholder of every row's last {@code window} clicks ({@link Clicks#recent}); the feeds fill it from
     * then on. One window per graph.
     */
    Placeholder<TInt32> recent(Ops tf, int window) {
        if (recent == null) {
            recentWindow = window;
            recent = tf.withName(name + "_recent").placeholder(TInt32.class,
                    Placeholder.shape(Shape.of(-1, window)));
        } else if (window != recentWindow) {
            throw new IllegalArgumentException("one recent-clicks window per graph: " + recentWindow + ", not "
                    + window);
        }
        return recent;
    }

    /** The last {@code recentWindow} columns of the first {@code n} right-aligned rows of {@code inputs}. */
    private TInt32 recentFeed(int[] inputs, int n) {
        TInt32 feed = recentFeeds.computeIfAbsent(n, rows -> TInt32.tensorOf(Shape.of(rows, recentWindow)));
        int[] last = new int[n * recentWindow];
        for (int r = 0; r < n; r++) {
            System.arraycopy(inputs, (r + 1) * steps - recentWindow, last, r * recentWindow, recentWindow);
        }
        feed.asRawTensor().data().asInts().write(last);
        return feed;
    }

    /** Feeds the inputs of {@code batch}. */
    Session.Runner feed(Session.Runner runner, Batch batch) {
        return feed(runner, batch.inputs(), batch.lengths(), batch.size());
    }

    @Override
    public void close() {
        if (clicksFeed != null) {
            clicksFeed.close();
            clicksFeed = null;
        }
        stepRowsFeed.close();
        paddingsFeed.close();
        restoreFeeds.values().forEach(TInt32::close);
        restoreFeeds.clear();
        recentFeeds.values().forEach(TInt32::close);
        recentFeeds.clear();
    }
}
