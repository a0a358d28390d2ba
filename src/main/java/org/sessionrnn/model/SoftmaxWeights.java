package org.sessionrnn.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The trained values of an M1's variables, in {@link SoftmaxModel#trainableVariables()} order (encoder with the
 * embedding first, then output kernel and bias). This is how a trained M1 seeds another graph: M2 starts its
 * fine-tuning from them, M3's student embeds them as its teacher, M4 takes its target embeddings from them.
 * Values travel through Java once per model, never per batch.
 */
public final class SoftmaxWeights {
    private final List<float[]> values;

    SoftmaxWeights(List<float[]> values) {
        this.values = List.copyOf(values);
    }

    /** The current values of a model in memory. */
    public static SoftmaxWeights of(SoftmaxModel model) {
        List<float[]> values = new ArrayList<>();
        for (Variable<TFloat32> v : model.trainableVariables()) {
            values.add(model.read(v));
        }
        return new SoftmaxWeights(values);
    }

    /**
     * Reads a checkpoint written by {@link SoftmaxModel#save} into a bare M1 graph of the given architecture
     * (optimiser slots in the checkpoint are not part of that graph, so they are not read).
     */
    public static SoftmaxWeights load(Path prefix, int items, int embedding, int hidden, int steps) {
        try (SoftmaxModel model = new SoftmaxModel(items, embedding, hidden, steps, 0)) {
            model.restore(prefix);
            return of(model);
        }
    }

    /** The item embedding, {@code (items + 1) x embedding} row-major, padding row last. */
    public float[] embedding() {
        return values.get(0);
    }

    /**
     * Overwrites the trained variables of {@code model} (same architecture) with these values. Optimiser state is
     * untouched: on a freshly created model its moments are still zero, as for a new training run.
     */
    public void initialise(SoftmaxModel model) {
        assignTo(model.tf, model.session, model.trainableVariables());
    }

    /** The values, one array per variable. */
    List<float[]> values() {
        return values;
    }

    /** Number of variables. */
    public int size() {
        return values.size();
    }

    /**
     * Assigns these values to {@code variables} (same order and shapes) in another graph: one placeholder and
     * assign op per variable, run once.
     */
    void assignTo(Ops tf, Session session, List<Variable<TFloat32>> variables) {
        assign(tf, session, variables, values);
    }

    /** Assigns {@code values[i]} to {@code variables[i]}. */
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
