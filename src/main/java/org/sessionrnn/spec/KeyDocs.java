package org.sessionrnn.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code variants[]} key table of experiments/README.md, generated from the declared keys
 * ({@link SettingsTypes}) and the kinds that read them ({@link ModelCatalogue}); a test keeps the README's copy
 * equal to it.
 */
final class KeyDocs {
    /** The line before the generated table in the README. */
    static final String BEGIN = "<!-- generated from the key tables of spec/*Settings (KeyDocs); edit those, "
            + "not this table -->";
    /** The line after it. */
    static final String END = "<!-- end of generated table -->";

    private KeyDocs() {
    }

    /** The table: header, the keys every variant has, then every settings key a kind reads. */
    static String variantTable() {
        List<ModelSchema> kinds = ModelCatalogue.all();
        StringBuilder b = new StringBuilder("| key | models | default | allowed |\n|---|---|---|---|\n");
        row(b, "model", "all", "required", String.join(", ", kinds.stream().map(k -> "`" + k.id() + "`").toList()));
        row(b, "label", "all", "the model name",
                "`[A-Za-z0-9._]+` (no `-`: it separates run-id parts); unique");
        row(b, "fractions", "all", "`protocol.fractions`", "the fractions this variant runs at instead of the "
                + "protocol's (same form); e.g. `[1/4]` for m2 next to variants that run at fraction 1 only. Not "
                + "part of the variant's configuration hash: a run's fraction is in its id");
        for (Key<?> key : SettingsTypes.allKeys()) {
            List<ModelSchema> readers = kinds.stream()
                    .filter(k -> Schema.variantKeys(k.id()).contains(key.name())).toList();
            if (!readers.isEmpty()) {
                row(b, key.name(), models(readers, kinds), defaults(key, readers),
                        key.allowed() + (key.doc().isEmpty() ? "" : ": " + key.doc()));
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, String key, String models, String defaults, String allowed) {
        b.append("| `").append(key).append("` | ").append(models).append(" | ").append(defaults).append(" | ")
                .append(allowed).append(" |\n");
    }

    /** "all", "GRU models" or the names of the kinds. */
    private static String models(List<ModelSchema> readers, List<ModelSchema> kinds) {
        if (readers.size() == kinds.size()) {
            return "all";
        }
        List<ModelSchema> neural = kinds.stream().filter(ModelSchema::neural).toList();
        if (readers.equals(neural)) {
            return "GRU models";
        }
        return String.join(", ", readers.stream().map(ModelSchema::id).toList());
    }

    /** The readers' most common default, then the kinds that differ from it: {@code 0 (m1plus 0.6)}. */
    private static String defaults(Key<?> key, List<ModelSchema> readers) {
        Map<ModelSchema, Object> byKind = new LinkedHashMap<>();
        readers.forEach(k -> byKind.put(k, k.defaultSettings().specValues().get(key.name())));
        Object common = byKind.values().stream()
                .max((x, y) -> Long.compare(count(byKind, x), count(byKind, y))).orElseThrow();
        List<String> others = new ArrayList<>();
        byKind.forEach((kind, value) -> {
            if (!Objects.equals(value, common)) {
                others.add(kind.id() + " " + shown(value));
            }
        });
        return shown(common) + (others.isEmpty() ? "" : " (" + String.join(", ", others) + ")");
    }

    private static long count(Map<ModelSchema, Object> byKind, Object value) {
        return byKind.values().stream().filter(v -> Objects.equals(v, value)).count();
    }

    /** Numbers plain ({@code 1}, not {@code 1.0}); lists, flags and names as code; no list is a required one. */
    private static String shown(Object value) {
        if (value instanceof java.util.List<?> list && list.isEmpty()) {
            return "required";
        }
        if (value instanceof Double d) {
            return Interval.format(d);
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return "`" + value + "`";
    }
}
