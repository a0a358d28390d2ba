package org.sessionrnn.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variant as the text that enters its runs' configuration hashes, derived from the declared keys
 * ({@link SettingsTypes}). The text predates the typed settings: it lists the fields of version 0.1 for every kind
 * (the keys declared {@code inTextSince01}, with version 0.1's value where a kind has no such key), then every other
 * key whose value is not its declared default ("off"). A run written by any earlier version therefore gets the same
 * hash and is not trained again, and a key added later leaves earlier runs' hashes alone as long as its default is
 * the behaviour before it existed.
 */
final class ConfigText {
    /**
     * The keys added after version 0.1 and before keys were declared in tables, in the order they entered the text;
     * later keys follow in declaration order. History, not configuration: never reorder.
     */
    private static final List<String> ADDED_BEFORE_TABLES = List.of("output_dropout", "clip_norm", "warmup_steps",
            "learning_rate_decay", "tied_embedding", "optimizer", "momentum", "refit");

    /** The keys in the order the text lists them. */
    private static final List<Key<?>> ORDER = order(SettingsTypes.allKeys());

    private ConfigText() {
    }

    static String of(String label, String model, ModelSettings settings) {
        Map<String, Object> values = new LinkedHashMap<>(settings.specValues());
        StringBuilder b = new StringBuilder("VariantSpec[label=" + label + ", model=" + model);
        for (Key<?> key : ORDER) {
            Object absent = key.textSince01();
            if (absent != null) {
                append(b, key.name(), values.getOrDefault(key.name(), absent));
            } else if (values.containsKey(key.name())) {
                Object value = values.get(key.name());
                if (!off(value, key.plain(key.defaultValue()))) {
                    append(b, key.name(), value);
                }
            }
        }
        return b.append(']').toString();
    }

    /** Version 0.1's fields, then the keys added before the tables, then the rest in declaration order. */
    static List<Key<?>> order(List<Key<?>> declared) {
        List<Key<?>> order = new ArrayList<>(declared.stream().filter(k -> k.textSince01() != null).toList());
        for (String name : ADDED_BEFORE_TABLES) {
            order.add(declared.stream().filter(k -> k.name().equals(name)).findFirst().orElseThrow(
                    () -> new IllegalStateException("key " + name + " of the configuration text is not declared")));
        }
        declared.stream().filter(k -> !order.contains(k)).forEach(order::add);
        return List.copyOf(order);
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
