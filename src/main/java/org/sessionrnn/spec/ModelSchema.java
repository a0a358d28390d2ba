package org.sessionrnn.spec;

import java.util.List;

/**
 * What a spec needs to know about a model kind: its name in {@code model:}, whether it is a GRU model, the
 * variant keys it reads and whether it runs at fraction 1. The kinds themselves, with their executors and
 * graphs, are defined in one place above this package ({@code runner.ModelKind}) and found through
 * {@link ModelCatalogue}.
 */
public interface ModelSchema {
    /** The model's name in a spec, e.g. {@code m1}. */
    String id();

    /** True for GRU models: they read the neural keys and have a GRU size. */
    boolean neural();

    /** The variant keys this kind reads beyond {@code label}, {@code model} and, if neural, the neural keys. */
    List<String> ownKeys();

    /** False for a kind that only adapts a model trained on all data to a recent fraction (M2). */
    boolean runsAtFractionOne();

    /** The kind's default {@code output_dropout} (0: off). */
    default double defaultOutputDropout() {
        return 0;
    }

    /** The kind's default {@code tied_embedding} (false: a separate input embedding). */
    default boolean tiedEmbeddingByDefault() {
        return false;
    }

    /** True for the one kind the paper's Table 2 measures every model's prediction time against (M1). */
    default boolean predictionTimeReference() {
        return false;
    }
}
