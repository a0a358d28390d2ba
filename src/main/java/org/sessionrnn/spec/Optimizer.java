package org.sessionrnn.spec;

import java.util.Locale;

/**
 * The update rules a GRU model can train with, as the {@code optimizer} key names them. The model stage builds
 * each ({@code model.NeuralModel}); the spec stage sits below TensorFlow, so the constants name rules rather than
 * hold their constructors, and the model stage's switch over them is checked for completeness by the compiler.
 */
public enum Optimizer {
    /** Adam (Kingma and Ba 2015), the paper's choice. */
    ADAM,
    /** Adagrad (Duchi et al. 2011) with momentum, as GRU4Rec trains. */
    ADAGRAD;

    /** The name in a spec: {@code adam}, {@code adagrad}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
