package org.sessionrnn.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variant as the text that enters its runs' configuration hashes. The text predates the typed settings: it lists
 * one flat set of fields for every kind, with the values of version 0.1 where a kind has no such setting, and adds
 * the options that came later only when they are not "off". A run written by any earlier version therefore gets the
 * same hash and is not trained again. A key in neither list is always written, so that no setting is left out of
 * the hash; a new key that should leave earlier runs' hashes alone joins {@code OPTIONAL} with its "off" value.
 */
final class ConfigText {
    /**
     * Always written, as {@code camelCaseKey=value}; the value where a variant has no such key is version 0.1's
     * (a baseline's GRU and epoch fields too).
     */
    private static final Map<String, Object> FIXED = SpecValues.of(
            "gru_sizes", List.of(0), "embedding", 50, "embedding_dropout", 0.25, "batch_size", 512,
            "learning_rate", 0.001, "max_epochs", 10, "patience", 2, "lambda", 0.2, "temperature", 1.0,
            "soft_label_top_k", 0, "hidden_size", 0, "neighbours", 100, "knn_lambda", 20.0, "knn_alpha", 0.5);

    /** Written only when the value differs from the one here, which is "off". */
    private static final Map<String, Object> OPTIONAL = SpecValues.of(
            "output_dropout", 0.0, "clip_norm", 0.0, "warmup_steps", 0L, "learning_rate_decay", 1.0,
            "tied_embedding", false, "optimizer", "adam", "momentum", 0.0, "refit", false);

    private ConfigText() {
    }

    static String of(String label, String model, ModelSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>(settings.specValues());
        StringBuilder b = new StringBuilder("VariantSpec[label=" + label + ", model=" + model);
        FIXED.forEach((key, absent) -> append(b, key, values.getOrDefault(key, absent)));
        OPTIONAL.forEach((key, off) -> {
            Object value = values.getOrDefault(key, off);
            if (!off(value, off)) {
                append(b, key, value);
            }
        });
        // a key neither table knows is always written: a setting must never be left out of the hash
        values.keySet().removeAll(FIXED.keySet());
        values.keySet().removeAll(OPTIONAL.keySet());
        values.forEach((key, value) -> append(b, key, value));
        return b.append(']').toString();
    }

    private static void append(StringBuilder b, String key, Object value) {
        b.append(", ").append(camelCase(key)).append('=').append(value);
    }

    /** {@code soft_label_top_k} as the record field it once was, {@code softLabelTopK}. */
    static String camelCase(String key) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char ch : key.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return name.toString();
    }

    /** Numbers compare by value, as the primitive fields did (-0.0 is off too). */
    private static boolean off(Object value, Object absent) {
        if (value instanceof Number n && absent instanceof Number a) {
            return n.doubleValue() == a.doubleValue();
        }
        return value.equals(absent);
    }
}
