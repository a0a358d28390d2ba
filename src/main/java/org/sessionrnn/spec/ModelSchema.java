package org.sessionrnn.spec;

import java.util.List;

/**
 * What a spec needs to know about a model kind: its name in {@code model:}, its settings (whose type says whether it
 * is a GRU model), the variant keys it reads and whether it runs at fraction 1. The kinds themselves, with their
 * executors and graphs, are defined in one place above this package ({@code runner.ModelKind}) and found through
 * {@link ModelCatalogue}.
 */
public interface ModelSchema {
    /** The model's name in a spec, e.g. {@code m1}. */
    String id();

    /**
     * The settings of a variant that sets none of the kind's keys. Their type is the type of every variant of the
     * kind: {@link GruSettings} for a GRU model, else {@link ItemKnnSettings},
     * {@link NoSettings} or {@link EnsembleSettings}.
     */
    ModelSettings defaultSettings();

    /** True for GRU models: they read the neural keys and have a GRU size. */
    default boolean neural() {
        return defaultSettings() instanceof GruSettings;
    }

    /**
     * The variant keys this kind reads beyond {@code label}, {@code model} and, if neural, the training keys: names
     * of {@link Key}s its settings type declares ({@link Key#names}), which keep their defaults where the kind does
     * not read them.
     */
    List<String> ownKeys();

    /** False for a kind that only adapts a model trained on all data to a recent fraction (M2). */
    boolean runsAtFractionOne();

    /** True for the one kind the paper's Table 2 measures every model's prediction time against (M1). */
    default boolean predictionTimeReference() {
        return false;
    }
}
