package org.sessionrnn.runner;

import java.util.List;
import java.util.function.Supplier;
import org.sessionrnn.spec.ModelCatalogue;
import org.sessionrnn.spec.ModelSettings;
import org.sessionrnn.spec.NoSettings;

/**
 * A model kind defined outside {@link ModelKind}, to show what a kind consists of: one constant holding its
 * name, spec keys and executor (here a test-only enum, registered by {@code AddingAModelKindTest} only, through a
 * {@code META-INF/services/org.sessionrnn.spec.ModelCatalogue} entry on the class path of the runner it starts; a
 * real kind is one more constant of {@link ModelKind}) plus its own classes ({@link ToyRun}).
 */
enum ToyKind implements RunnableKind {
    /** Ranks items by their index: item 0 first. */
    TOY("toy", ToyRun::new);

    private final String id;
    private final Supplier<RunExecutor> executor;

    ToyKind(String id, Supplier<RunExecutor> executor) {
        this.id = id;
        this.executor = executor;
    }

    @Override
    public String id() {
        return id;
    }

    /** The toy reads no keys of its own: it has no settings. */
    @Override
    public ModelSettings defaultSettings() {
        return NoSettings.NONE;
    }

    @Override
    public List<String> ownKeys() {
        return List.of();
    }

    @Override
    public boolean runsAtFractionOne() {
        return true;
    }

    @Override
    public RunExecutor newExecutor() {
        return executor.get();
    }

    /** Offers {@link ToyKind} to the spec stage. */
    public static final class Catalogue implements ModelCatalogue {
        @Override
        public List<ToyKind> models() {
            return List.of(values());
        }
    }
}
