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

    /**
     * @param tf       where the placeholders go
     * @param name     prefix of the placeholder names
     * @param steps    time steps per row
     */
    EncoderInputs(Ops tf, String name, int steps) {
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
        return runner.feed(clicks, clicksFeed).feed(stepRows, stepRowsFeed).feed(paddings, paddingsFeed)
                .feed(restore, restoreFeed);
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
    }
}
