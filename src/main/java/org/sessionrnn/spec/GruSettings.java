package org.sessionrnn.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a GRU model: how it is trained ({@link GruTraining}, the same keys for every GRU kind) and the
 * options of its own architecture and loss.
 */
public sealed interface GruSettings extends ModelSettings
        permits SoftmaxSettings, DistillationSettings, EmbeddingOutputSettings {
    /** How the model is trained. */
    GruTraining training();

    /** The kind's own keys and their values, in writing order. */
    Map<String, Object> ownValues();

    /** The training keys, then the kind's own keys. */
    @Override
    default Map<String, Object> specValues() {
        Map<String, Object> values = new LinkedHashMap<>(training().specValues());
        values.putAll(ownValues());
        return values;
    }
}
