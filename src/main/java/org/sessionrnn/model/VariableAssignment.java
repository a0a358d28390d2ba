package org.sessionrnn.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** Sets variables of a live graph to values from Java: how trained weights seed another model. */
final class VariableAssignment {
    private VariableAssignment() {
    }

    /**
     * Assigns {@code values[i]} to {@code variables[i]} (same order and shapes): one placeholder and assign op
     * per variable, run once.
     */
    static void assign(Ops tf, Session session, List<Variable<TFloat32>> variables, List<float[]> values) {
        if (variables.size() != values.size()) {
            throw new IllegalArgumentException(variables.size() + " variables but " + values.size() + " values");
        }
        Ops s = tf.withSubScope("load");
        Session.Runner runner = session.runner();
        List<TFloat32> feeds = new ArrayList<>();
        try {
            for (int i = 0; i < variables.size(); i++) {
                Variable<TFloat32> v = variables.get(i);
                Placeholder<TFloat32> p = s.placeholder(TFloat32.class);
                TFloat32 t = TensorFeeds.floats(values.get(i), v.shape().asArray());
                feeds.add(t);
                runner.feed(p, t).addTarget(s.assign(v, p));
            }
            try (org.tensorflow.Result r = runner.run()) {
                // assign ops only: nothing to fetch
            }
        } finally {
            feeds.forEach(TFloat32::close);
        }
    }
}
