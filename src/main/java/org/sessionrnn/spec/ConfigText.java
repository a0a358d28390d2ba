package org.sessionrnn.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variant as the text that enters its runs' configuration hashes. The text predates the typed settings: it lists
 * one flat set of fields for every kind, with the values of version 0.1 where a kind has no such setting, and adds
 * the options that came later only when they are not "off". A run written by any earlier version therefore gets the
 * same hash and is not trained again. A key in neither list is always written, so that no setting is left out of
 * the hash; a new key that should leave earlier runs' hashes alone joins {@link #OPTIONAL} with its "off" value.
 */
final class ConfigText {
    /** Field name in the text, spec key, value where the variant has no such key. */
    private record Field(String name, String key, Object absent) {
    }

    /** Always written. A baseline's GRU and epoch fields keep version 0.1's values. */
    private static final List<Field> FIXED = List.of(
            new Field("gruSizes", "gru_sizes", List.of(0)),
            new Field("embedding", "embedding", 50),
            new Field("embeddingDropout", "embedding_dropout", 0.25),
            new Field("batchSize", "batch_size", 512),
            new Field("learningRate", "learning_rate", 0.001),
            new Field("maxEpochs", "max_epochs", 10),
            new Field("patience", "patience", 2),
            new Field("lambda", "lambda", 0.2),
            new Field("temperature", "temperature", 1.0),
            new Field("softLabelTopK", "soft_label_top_k", 0),
            new Field("hiddenSize", "hidden_size", 0),
            new Field("neighbours", "neighbours", 100),
            new Field("knnLambda", "knn_lambda", 20.0),
            new Field("knnAlpha", "knn_alpha", 0.5));

    /** Written only when the value differs from {@code absent}, which is "off". */
    private static final List<Field> OPTIONAL = List.of(
            new Field("outputDropout", "output_dropout", 0.0),
            new Field("clipNorm", "clip_norm", 0.0),
            new Field("warmupSteps", "warmup_steps", 0L),
            new Field("learningRateDecay", "learning_rate_decay", 1.0),
            new Field("tiedEmbedding", "tied_embedding", false),
            new Field("optimizer", "optimizer", "adam"),
            new Field("momentum", "momentum", 0.0),
            new Field("refit", "refit", false));

    private ConfigText() {
    }

    static String of(String label, String model, ModelSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>(settings.specValues());
        StringBuilder b = new StringBuilder("VariantSpec[label=" + label + ", model=" + model);
        for (Field f : FIXED) {
            b.append(", ").append(f.name()).append('=').append(values.getOrDefault(f.key(), f.absent()));
        }
        for (Field f : OPTIONAL) {
            Object value = values.getOrDefault(f.key(), f.absent());
            if (!off(value, f.absent())) {
                b.append(", ").append(f.name()).append('=').append(value);
            }
        }
        // a key none of the lists knows is always written: a setting must never be left out of the hash
        FIXED.forEach(f -> values.remove(f.key()));
        OPTIONAL.forEach(f -> values.remove(f.key()));
        values.forEach((key, value) -> b.append(", ").append(key).append('=').append(value));
        return b.append(']').toString();
    }

    /** Numbers compare by value, as the primitive fields did (-0.0 is off too). */
    private static boolean off(Object value, Object absent) {
        if (value instanceof Number n && absent instanceof Number a) {
            return n.doubleValue() == a.doubleValue();
        }
        return value.equals(absent);
    }
}
