package org.sessionrnn.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A mapping of the spec tree at a field path (e.g. {@code data.csv}) with typed, located accessors. An absent or
 * null key means "use the default"; every other problem becomes a {@link SpecException} pointing at the offending
 * key or value.
 */
final class Section {
    private final JsonNode node;
    private final String path;
    private final SourceMap where;

    private Section(JsonNode node, String path, SourceMap where) {
        this.node = node;
        this.path = path;
        this.where = where;
    }

    /** The mapping {@code node} at {@code path}; an absent or null node is an empty mapping. */
    static Section of(JsonNode node, String path, SourceMap where) {
        JsonNode n = node == null || node.isNull() ? MissingNode.getInstance() : node;
        Section section = new Section(n, path, where);
        if (!n.isMissingNode() && !n.isObject()) {
            throw section.here().typeError("a mapping of keys", "mappings");
        }
        return section;
    }

    String path() {
        return path;
    }

    /** This mapping as a value, for errors about the mapping as a whole. */
    Value here() {
        return new Value(node, path, where.valueAt(path), false);
    }

    boolean has(String key) {
        JsonNode child = node.get(key);
        return child != null && !child.isNull();
    }

    /** The value of a present key (check {@link #has} first). */
    Value value(String key) {
        String p = SourceMap.child(path, key);
        return new Value(node.get(key), p, where.valueAt(p), false);
    }

    /**
     * Rejects keys that are not in {@code known} ("unknown key", with a spelling hint) and known keys for which
     * {@code applies} is false ("does not apply to {@code owner}"). Keys set to null count as absent.
     */
    void checkKeys(List<String> known, Predicate<String> applies, String owner) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String keyWhere = where.keyAt(SourceMap.child(path, key));
            if (!known.contains(key)) {
                String in = path.isEmpty() ? "at top level" : "in " + path;
                throw SpecException.at(keyWhere, "", "unknown key '" + key + "' " + in
                        + Suggestions.didYouMean(key, known));
            }
            if (has(key) && !applies.test(key)) {
                String child = SourceMap.child(path, key);
                throw SpecException.at(keyWhere, child, "does not apply to " + owner
                        + " (remove it, or add --set " + child.replaceAll("\\[(\\d+)]", ".$1") + "=null)");
            }
        }
    }

    /** Where the value at {@code fieldPath} (inside or below this section) came from. */
    String where(String fieldPath) {
        return where.valueAt(fieldPath);
    }

    /** An error about a present key, located at the key rather than its value. */
    SpecException keyError(String key, String problem) {
        String child = SourceMap.child(path, key);
        return SpecException.at(where.keyAt(child), child, problem);
    }

    SpecException missing(String key, String why) {
        return SpecException.at(where.valueAt(path), path, "missing required key '" + key + "'" + why);
    }

    Section section(String key) {
        return of(node.get(key), SourceMap.child(path, key), where);
    }

    /** A required, non-empty list of mappings. */
    List<Section> sections(String key) {
        if (!has(key)) {
            throw missing(key, "");
        }
        Value list = value(key);
        if (!list.node().isArray()) {
            throw list.typeError("a list of mappings", "mappings");
        }
        if (list.node().isEmpty()) {
            throw list.error("must list at least one entry");
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < list.node().size(); i++) {
            sections.add(of(list.node().get(i), SourceMap.element(list.path(), i), where));
        }
        return sections;
    }

    String text(String key, String fallback) {
        return has(key) ? nonEmpty(value(key)) : fallback;
    }

    String requiredText(String key, String why) {
        if (!has(key)) {
            throw missing(key, why);
        }
        return nonEmpty(value(key));
    }

    private static String nonEmpty(Value value) {
        String text = value.asText();
        if (text.isBlank()) {
            throw value.error("must not be empty");
        }
        return text;
    }

    /**
     * A file or folder path, normalised but not resolved: relative paths stay relative to the working directory.
     * A null {@code fallback} makes the key required ({@code why} then explains the requirement).
     */
    Path file(String key, String fallback, String why) {
        String text = fallback == null ? requiredText(key, why) : text(key, fallback);
        try {
            return Path.of(text).normalize();
        } catch (InvalidPathException e) {
            throw value(key).error("'" + text + "' is not a valid path: " + e.getReason());
        }
    }

    /** One of {@code allowed}, e.g. a model or data source name. */
    String choice(String key, String fallback, List<String> allowed, String noun) {
        String text = fallback == null ? requiredText(key, "") : text(key, fallback);
        if (!allowed.contains(text)) {
            throw value(key).error("'" + text + "' is not a " + noun + "; expected one of "
                    + String.join(", ", allowed) + Suggestions.didYouMean(text, allowed));
        }
        return text;
    }

    int integer(String key, int fallback, Interval range) {
        return has(key) ? value(key).asInt(range) : fallback;
    }

    long longValue(String key, long fallback, Interval range) {
        return has(key) ? value(key).asLong(range) : fallback;
    }

    double decimal(String key, double fallback, Interval range) {
        return has(key) ? value(key).asDouble(range) : fallback;
    }

    boolean bool(String key, boolean fallback) {
        return has(key) ? value(key).asBoolean() : fallback;
    }

    /**
     * A non-empty list without repeats, converting each element; absent gives {@code fallback}. A single scalar
     * is read as a one-line list, so {@code seeds: 1} and {@code fractions: 1/256, 1} both work.
     */
    <T> List<T> list(String key, List<T> fallback, Function<Value, T> convert, String noun) {
        if (!has(key)) {
            return fallback;
        }
        List<Value> elements = elements(value(key));
        if (elements.isEmpty()) {
            throw value(key).error("must list at least one " + noun);
        }
        List<T> result = new ArrayList<>();
        Map<T, String> seen = new HashMap<>();
        for (Value element : elements) {
            T converted = convert.apply(element);
            String earlier = seen.putIfAbsent(converted, element.path());
            if (earlier != null) {
                throw element.error(noun + " " + converted + " is listed twice");
            }
            result.add(converted);
        }
        return result;
    }

    private List<Value> elements(Value list) {
        JsonNode n = list.node();
        if (n.isObject()) {
            throw list.typeError("a list", "lists");
        }
        List<Value> out = new ArrayList<>();
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String p = SourceMap.element(list.path(), i);
                out.add(new Value(n.get(i), p, where.valueAt(p), false));
            }
            return out;
        }
        for (JsonNode element : splitScalar(list)) {
            out.add(new Value(element, list.path(), list.where(), true));
        }
        return out;
    }

    /** Reads a scalar such as {@code 1/256, 1} as the flow sequence {@code [1/256, 1]}. */
    private static JsonNode splitScalar(Value scalar) {
        if (!scalar.node().isTextual()) {
            return JsonNodeFactory.instance.arrayNode().add(scalar.node());
        }
        try {
            JsonNode parsed = YamlTreeReader.read("[" + scalar.node().asText() + "]", (l, c) -> scalar.where())
                    .root();
            if (parsed.isArray()) {
                return parsed;
            }
        } catch (SpecException e) {
            // not a readable list: reported below as a type error on the whole scalar
        }
        return JsonNodeFactory.instance.arrayNode().add(scalar.node());
    }
}
