package org.sessionrnn.model;

import org.tensorflow.op.Ops;

/** Makes a {@link ForwardBlock}, its variables made through {@code params}, in the graph of {@code tf}. */
@FunctionalInterface
public interface BlockMaker {
    ForwardBlock make(Ops tf, Parameters params);
}
