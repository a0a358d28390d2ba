package org.sessionrnn.model;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Label and scalar tensors allocated once per shape and refilled for every batch, instead of a native allocation and
 * free per tensor per step. A tensor handed out stays valid until the next call for the same shape or
 * {@link #close()}; callers must not close it. Only full batches and the one final partial batch occur, so
 * the caches stay tiny.
 */
final class ReusableFeeds implements AutoCloseable {
    private final Map<Integer, TInt32> labels = new HashMap<>();
    private final TFloat32[] scalars;

    /** @param scalars how many float scalars the caller feeds per step */
    ReusableFeeds(int scalars) {
        this.scalars = new TFloat32[scalars];
        for (int i = 0; i < scalars; i++) {
            this.scalars[i] = TFloat32.scalarOf(0f);
        }
    }

    /** The batch's labels as a {@code [size]} tensor. */
    TInt32 labels(Batch batch) {
        return fill(labels, batch.size(), batch.labels(), batch.size(), Shape.of(batch.size()));
    }

    /** Scalar number {@code index} set to {@code value}. */
    TFloat32 scalar(int index, float value) {
        scalars[index].setFloat(value);
        return scalars[index];
    }

    private static TInt32 fill(Map<Integer, TInt32> cache, int rows, int[] data, int count, Shape shape) {
        TInt32 t = cache.computeIfAbsent(rows, r -> TInt32.tensorOf(shape));
        t.asRawTensor().data().asInts().write(data, 0, count);
        return t;
    }

    @Override
    public void close() {
        labels.values().forEach(TInt32::close);
        for (TFloat32 s : scalars) {
            s.close();
        }
        labels.clear();
    }
}
