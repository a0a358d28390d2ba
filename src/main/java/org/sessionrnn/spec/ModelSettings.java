package org.sessionrnn.spec;

import java.util.Map;

/**
 * The settings of one variant, typed by the kind of model they configure: a GRU model's ({@link GruSettings}),
 * Item-KNN's ({@link ItemKnnSettings}), none ({@link NoSettings}: POP, S-POP) or an
 * ensemble's ({@link EnsembleSettings}). Each type is a record whose keys
 * are declared once, in its {@link KeyTable}. A model kind names its settings type by its defaults
 * ({@link ModelSchema#defaultSettings()}); the spec reader fills them from the keys the kind reads.
 */
public sealed interface ModelSettings permits GruSettings, ItemKnnSettings, NoSettings, EnsembleSettings {
    /** The keys of this settings type. */
    KeyTable<?> keyTable();

    /** The spec keys these settings hold and their values, in writing order. */
    default Map<String, Object> specValues() {
        return keyTable().valuesOf(this);
    }
}
