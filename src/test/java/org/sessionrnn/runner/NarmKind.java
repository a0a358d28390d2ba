package org.sessionrnn.runner;

import static org.sessionrnn.spec.SoftmaxSettings.CLIP_NORM;
import static org.sessionrnn.spec.SoftmaxSettings.MOMENTUM;
import static org.sessionrnn.spec.SoftmaxSettings.OPTIMIZER;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sessionrnn.model.ModelParts;
import org.sessionrnn.model.SoftmaxLoss;
import org.sessionrnn.spec.Key;
import org.sessionrnn.spec.ModelCatalogue;
import org.sessionrnn.spec.ModelSettings;
import org.sessionrnn.spec.SoftmaxSettings;

/**
 * A neural kind defined outside {@link ModelKind}, to show what a new neural kind consists of: its name, its
 * settings (M1's type: the training keys and the optimiser options), the generic {@link NeuralRun} executor and
 * its model, an {@link AttentionBlock} with the softmax cross-entropy over all items. In the project it would be
 * one more constant of {@link ModelKind} with the same arguments (docs/extending.md).
 */
enum NarmKind implements RunnableKind {
    /** NARM-style: last GRU state plus attention over all states. */
    NARM("narm", List.of(CLIP_NORM, OPTIMIZER, MOMENTUM), NeuralRun::new,
            f -> f.neural(AttentionBlock.maker(f.items(), f.embedding(), f.run().gruSize()), SoftmaxLoss::new));

    private final String id;
    private final List<String> ownKeys;
    private final Supplier<RunExecutor> executor;
    private final Function<ModelFactory, ModelParts> model;

    NarmKind(String id, List<Key<?>> ownKeys, Supplier<RunExecutor> executor,
             Function<ModelFactory, ModelParts> model) {
        this.id = id;
        this.ownKeys = Key.names(ownKeys);
        this.executor = executor;
        this.model = model;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ModelSettings defaultSettings() {
        return SoftmaxSettings.DEFAULT;
    }

    @Override
    public List<String> ownKeys() {
        return ownKeys;
    }

    @Override
    public boolean runsAtFractionOne() {
        return true;
    }

    @Override
    public RunExecutor newExecutor() {
        return executor.get();
    }

    @Override
    public ModelParts model(ModelFactory models) {
        return model.apply(models);
    }

    /** Offers {@link NarmKind} to the spec stage. */
    public static final class Catalogue implements ModelCatalogue {
        @Override
        public List<NarmKind> models() {
            return List.of(values());
        }
    }
}
