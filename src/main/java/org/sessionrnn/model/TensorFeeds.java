package org.sessionrnn.model;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Tensors from Java arrays and back, without per-element calls. */
final class TensorFeeds {
    private TensorFeeds() {
    }

    static TInt32 ints(int[] data, long... dims) {
        Shape shape = Shape.of(dims);
        return TInt32.tensorOf(shape, DataBuffers.of(data, true, false).narrow(shape.size()));
    }

    static TFloat32 floats(float[] data, long... dims) {
        Shape shape = Shape.of(dims);
        return TFloat32.tensorOf(shape, DataBuffers.of(data, true, false).narrow(shape.size()));
    }

    static void read(Tensor tensor, int[] dst) {
        tensor.asRawTensor().data().asInts().read(dst, 0, (int) tensor.shape().size());
    }

    static void read(Tensor tensor, float[] dst) {
        tensor.asRawTensor().data().asFloats().read(dst, 0, (int) tensor.shape().size());
    }

    static float scalar(Tensor tensor) {
        return ((TFloat32) tensor).getFloat();
    }
}
