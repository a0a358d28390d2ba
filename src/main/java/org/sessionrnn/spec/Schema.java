package org.sessionrnn.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The spec's key names and which keys apply to which data source and model, shared by the reader (to reject
 * keys that would be silently ignored) and the writer (to write exactly the keys that matter).
 */
final class Schema {
    static final List<String> TOP_KEYS = List.of("name", "seeds", "output", "data", "protocol", "variants",
            "search");

    static final List<String> SOURCES = List.of("synthetic", "yoochoose", "gru4rec", "srgnn", "csv");
    static final List<String> DATA_KEYS = List.of("source", "path", "train", "test", "synthetic", "csv",
            "preprocess");
    static final List<String> SYNTHETIC_KEYS = List.of("clicks", "items", "clusters", "days", "noise", "drift",
            "seed");
    static final List<String> CSV_KEYS = List.of("delimiter", "header", "session", "item", "time", "time_format",
            "order");
    static final List<String> PREPROCESS_KEYS = List.of("min_session_length", "min_item_support", "test_days");
    static final List<String> PROTOCOL_KEYS = List.of("fractions", "validation_share", "max_length", "cutoff",
            "data_fraction", "leaderboard");

    private static final List<String> COMMON_VARIANT_KEYS = List.of("label", "model", "fractions");
    private static final List<String> NEURAL_KEYS = Key.names(GruTraining.KEYS.keys());

    private Schema() {
    }

    /** The data keys used by {@code source}, in writing order. */
    static List<String> dataKeys(String source) {
        return switch (source) {
            case "synthetic" -> List.of("source", "synthetic", "preprocess");
            case "yoochoose" -> List.of("source", "path", "preprocess");
            case "gru4rec" -> List.of("source", "train", "test");
            case "srgnn" -> List.of("source", "train", "test");
            case "csv" -> List.of("source", "path", "csv", "preprocess");
            default -> throw new IllegalArgumentException("unknown data source " + source);
        };
    }

    /** The names of the model kinds, in catalogue order. */
    static List<String> models() {
        return ModelCatalogue.all().stream().map(ModelSchema::id).toList();
    }

    /** Every variant key some kind reads: the common and neural keys, then each kind's own keys. */
    static List<String> variantKeys() {
        List<String> all = new ArrayList<>(concat(COMMON_VARIANT_KEYS, NEURAL_KEYS));
        ModelCatalogue.all().forEach(m -> m.ownKeys().stream().filter(k -> !all.contains(k)).forEach(all::add));
        return List.copyOf(all);
    }

    /** The variant keys used by {@code model}, in writing order. */
    static List<String> variantKeys(String model) {
        ModelSchema kind = ModelCatalogue.of(model);
        return concat(COMMON_VARIANT_KEYS, kind.neural() ? NEURAL_KEYS : List.of(), kind.ownKeys());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
