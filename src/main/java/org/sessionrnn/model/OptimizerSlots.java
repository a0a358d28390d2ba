package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** What every {@link UpdateRule} builds the same way: the barrier before any update, and zeroed slot variables. */
final class OptimizerSlots {
    private OptimizerSlots() {
    }

    /**
     * Ops that run only after every gradient has been computed. Variables are read by reference: without this
     * barrier an update could land before another gradient (e.g. the GRU's, which reads the output kernel) has
     * read the old value.
     */
    static Ops afterAllGradients(Ops s, Output<?>[] gradients) {
        List<Op> ready = new ArrayList<>();
        for (Output<?> g : gradients) {
            ready.add(s.identity((Operand<?>) g));
        }
        return s.withControlDependencies(ready);
    }

    /** A slot the shape of {@code v}, zeros of the static shape: zerosLike(v) would read v before it is initialised. */
    static Variable<TFloat32> zeroSlot(Ops s, Variable<TFloat32> v) {
        return s.variable(s.zeros(s.constant(v.shape()), TFloat32.class));
    }

    /** Gradient {@code i}, which the graph's gradient op computes in the variables' type. */
    @SuppressWarnings("unchecked")
    static Operand<TFloat32> gradient(Output<?>[] gradients, int i) {
        return (Operand<TFloat32>) gradients[i];
    }
}
