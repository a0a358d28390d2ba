package org.sessionrnn.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The trained values of an M1's variables, in {@link SoftmaxBlock#variables()} order (encoder with the embedding
 * first, then output kernel and bias). This is how a trained M1 seeds another graph: M2 starts its fine-tuning
 * from them, M3's student embeds them as its teacher, M4 takes its target embeddings from them. Values travel
 * through Java once per model, never per batch.
 */
public final class SoftmaxWeights {
    private final List<float[]> values;

    SoftmaxWeights(List<float[]> values) {
        this.values = List.copyOf(values);
    }

    /** The current values of a model's block variables in memory. */
    public static SoftmaxWeights of(NeuralModel model) {
        List<float[]> values = new ArrayList<>();
        for (Variable<TFloat32> v : model.block().variables()) {
            values.add(model.read(v));
        }
        return new SoftmaxWeights(values);
    }

    /**
     * Reads a checkpoint of an M1 into a bare graph of its block (optimiser slots in the checkpoint are not part
     * of that graph, so they are not read).
     */
    public static SoftmaxWeights load(Path prefix, int items, int embedding, int hidden) {
        try (Graph graph = new Graph(); Session session = TfSessions.open(graph)) {
            ForwardBlock block = SoftmaxBlock.maker(items, embedding, hidden, SoftmaxBlock.Options.NONE)
                    .make(Ops.create(graph), Parameters.restored());
            try {
                session.restore(prefix.toString());
                List<float[]> values = new ArrayList<>();
                for (Variable<TFloat32> v : block.variables()) {
                    try (Result r = session.runner().fetch(v).run()) {
                        float[] x = new float[(int) r.get(0).shape().size()];
                        TensorFeeds.read(r.get(0), x);
                        values.add(x);
                    }
                }
                return new SoftmaxWeights(values);
            } finally {
                block.close();
            }
        }
    }

    /** The item embedding, {@code (items + 1) x embedding} row-major, padding row last. */
    public float[] embedding() {
        return values.get(0);
    }

    /**
     * Overwrites the block variables of {@code model} (same architecture) with these values. Optimiser state is
     * untouched: on a freshly built model its moments are still zero, as for a new training run.
     */
    public void initialise(NeuralModel model) {
        model.assign(model.block().variables(), values);
    }

    /** The values, one array per variable. */
    List<float[]> values() {
        return values;
    }

    /** Number of variables. */
    public int size() {
        return values.size();
    }
}
