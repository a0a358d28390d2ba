package org.sessionrnn.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What a {@link Loss} gives the training-graph builder: a scalar loss, and the gradient {@code dy} of that loss
 * with respect to an intermediate {@code y} (the block's scores, or the loss itself with {@code dy} null). When
 * {@code gradientDivisor} is set, {@code dy} is the gradient times that divisor and the variables' gradients are
 * divided by it instead: dividing the small parameter gradients is cheaper than dividing a {@code [batch, items]}
 * tensor, and the same number (exactly so when the divisor is a power of two). When {@code minusOneHot} is set
 * (only for {@code y} = the scores), the gradient is {@code dy - weight * onehot(labels)}, the one-hot part
 * applied to the products' small results instead of to {@code dy}.
 */
public record LossAndGradient(Operand<TFloat32> loss, Operand<TFloat32> y, Operand<TFloat32> dy,
                              Operand<TFloat32> gradientDivisor, OneHot minusOneHot) {
    /** A loss whose {@code dy} is the gradient itself. */
    public LossAndGradient(Operand<TFloat32> loss, Operand<TFloat32> y, Operand<TFloat32> dy) {
        this(loss, y, dy, null, null);
    }

    /** A loss whose {@code dy} is the gradient times {@code gradientDivisor}. */
    public LossAndGradient(Operand<TFloat32> loss, Operand<TFloat32> y, Operand<TFloat32> dy,
                           Operand<TFloat32> gradientDivisor) {
        this(loss, y, dy, gradientDivisor, null);
    }
}
