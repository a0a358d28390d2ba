package org.sessionrnn.model;

import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * How a {@link ForwardBlock} creates its variables: with seeded initial values (a graph that trains) or with a
 * shape only (a graph that restores a checkpoint, e.g. an export, which then holds no initialiser ops). A block
 * creates its variables in a fixed order, because each initial value's seed index is its place in that order.
 */
public final class Parameters {
    /** Null when the variables are restored, not initialised. */
    private final Initializers init;
    private final long seed;

    private Parameters(Initializers init, long seed) {
        this.init = init;
        this.seed = seed;
    }

    /** Variables initialised from {@code seed}, their initial values built in {@code tf}. */
    public static Parameters initialised(Ops tf, long seed) {
        return new Parameters(new Initializers(tf, seed), seed);
    }

    /** Variables without initial values, for a graph that restores them. */
    public static Parameters restored() {
        return new Parameters(null, 0);
    }

    /** The seed of the initial values (and of a block's training-time randomness); 0 when restored. */
    public long seed() {
        return seed;
    }

    /** A variable named {@code name} in {@code scope}, initialised (when this graph initialises) by {@code initial}. */
    public Variable<TFloat32> variable(Ops scope, String name, Shape shape, Supplier<Operand<TFloat32>> initial) {
        return init == null ? scope.withName(name).variable(shape, TFloat32.class)
                : scope.withName(name).variable(initial.get());
    }

    /** Glorot (Xavier) uniform, {@code [fanIn, fanOut]}: the Keras default for dense and GRU kernels. */
    public Variable<TFloat32> glorot(Ops scope, String name, long fanIn, long fanOut) {
        return variable(scope, name, Shape.of(fanIn, fanOut), () -> init.glorot(fanIn, fanOut));
    }

    /** Uniform in {@code [-limit, limit)}. */
    public Variable<TFloat32> uniform(Ops scope, String name, Shape shape, double limit) {
        return variable(scope, name, shape, () -> init.uniform(shape, limit));
    }

    /** Zeros. */
    public Variable<TFloat32> zeros(Ops scope, String name, long... dims) {
        return variable(scope, name, Shape.of(dims), () -> init.zeros(dims));
    }
}
