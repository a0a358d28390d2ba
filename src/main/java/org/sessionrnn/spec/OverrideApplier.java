package org.sessionrnn.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Applies command-line overrides to a spec tree before validation. {@code --set key=value} takes a dotted path
 * ({@code protocol.cutoff}, {@code variants.0.max_epochs}, or by label {@code variants.m1.max_epochs}) and a value
 * read as YAML ({@code 3}, {@code [1, 2]}, {@code 1/256,1}, {@code null} to fall back to the default). Missing
 * mappings on the way are created; a list index equal to the list's size appends. Every node set this way is
 * located at {@code --set key=value}, so validation errors name the override.
 */
final class OverrideApplier {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Longest part of an assignment quoted as the origin of a message. */
    private static final int MAX_ORIGIN = 100;

    private final LocatedTree tree;
    private final String origin;

    private OverrideApplier(LocatedTree tree, String origin) {
        this.tree = tree;
        this.origin = origin;
    }

    /** Applies one {@code key=value} from {@code --set}. */
    static void apply(LocatedTree tree, String assignment) {
        apply(tree, assignment, "--set " + (assignment.length() <= MAX_ORIGIN ? assignment
                : assignment.substring(0, MAX_ORIGIN) + "..."));
    }

    /** Applies {@code key=value} given on the command line as {@code origin}, e.g. {@code --trials 8}. */
    static void apply(LocatedTree tree, String assignment, String origin) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw SpecException.at(origin, "", "expected key=value, e.g. --set protocol.cutoff=10");
        }
        String key = assignment.substring(0, eq).trim();
        String text = assignment.substring(eq + 1);
        if (text.isBlank()) {
            // a forgotten value, not a wish for the default: that is written out as =null
            throw SpecException.at(origin, "", "no value after '='; give one, or =null to use the default");
        }
        JsonNode value = YamlTreeReader.read(text, (line, column) -> origin).root();
        new OverrideApplier(tree, origin).set(key.split("\\.", -1), value.isMissingNode() ? NullNode.instance
                : value);
    }

    /** Sets a top-level key to a string, e.g. {@code output} from {@code --output DIR}. */
    static void setText(LocatedTree tree, String key, String text, String origin) {
        new OverrideApplier(tree, origin).set(new String[] {key}, NODES.textNode(text));
    }

    private void set(String[] segments, JsonNode value) {
        JsonNode container = root();
        String path = "";
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode next = step(container, segments[i], path, segments[i + 1]);
            path = childPath(container, path, segments[i]);
            container = next;
        }
        String last = segments[segments.length - 1];
        String target = childPath(container, path, last);
        put(container, last, path, value);
        tree.where().removeSubtree(target);
        locate(target, value);
    }

    private JsonNode root() {
        if (tree.root().isMissingNode() || tree.root().isNull()) {
            tree.replaceRoot(NODES.objectNode());
            tree.where().value("", origin);
        }
        if (!tree.root().isObject()) {
            throw SpecException.at(origin, "", "the spec's top level is not a mapping");
        }
        return tree.root();
    }

    /** The child of {@code container} named by {@code segment}, created (as a list if next is an index). */
    private JsonNode step(JsonNode container, String segment, String path, String nextSegment) {
        JsonNode child = existing(container, segment, path);
        if (child != null && (child.isObject() || child.isArray())) {
            return child;
        }
        if (child != null && !child.isNull()) {
            throw SpecException.at(origin, childPath(container, path, segment), "is a single value, not a "
                    + "mapping or list, so it has no '" + nextSegment + "'");
        }
        JsonNode created = isIndex(nextSegment) ? NODES.arrayNode() : NODES.objectNode();
        put(container, segment, path, created);
        tree.where().value(childPath(container, path, segment), origin);
        return created;
    }

    private JsonNode existing(JsonNode container, String segment, String path) {
        if (container.isObject()) {
            return container.get(checkedKey(segment, path));
        }
        int index = index((ArrayNode) container, segment, path);
        return index < container.size() ? container.get(index) : null;
    }

    private void put(JsonNode container, String segment, String path, JsonNode value) {
        if (container.isObject()) {
            ((ObjectNode) container).set(checkedKey(segment, path), value);
            return;
        }
        ArrayNode list = (ArrayNode) container;
        int index = index(list, segment, path);
        if (index == list.size()) {
            list.add(value);
        } else {
            list.set(index, value);
        }
    }

    private String checkedKey(String segment, String path) {
        if (segment.isBlank()) {
            throw SpecException.at(origin, path, "empty key in the dotted path");
        }
        return segment;
    }

    /** A list position: a number up to the list's size (which appends), or the label of a variant. */
    private int index(ArrayNode list, String segment, String path) {
        if (isIndex(segment)) {
            int index = Integer.parseInt(segment);
            if (index > list.size()) {
                throw SpecException.at(origin, path, "index " + index + " is past the end (the list has "
                        + list.size() + " entries; use " + list.size() + " to append)");
            }
            return index;
        }
        for (int i = 0; i < list.size(); i++) {
            if (segment.equals(labelOf(list.get(i)))) {
                return i;
            }
        }
        throw SpecException.at(origin, path, "no entry labelled '" + segment + "'");
    }

    /** A variant's label, which defaults to its model. */
    private static String labelOf(JsonNode entry) {
        JsonNode label = entry.hasNonNull("label") ? entry.get("label") : entry.get("model");
        return label == null ? null : label.asText();
    }

    private static boolean isIndex(String segment) {
        return segment.matches("\\d{1,9}");
    }

    private String childPath(JsonNode container, String path, String segment) {
        return container.isObject() ? SourceMap.child(path, segment)
                : SourceMap.element(path, index((ArrayNode) container, segment, path));
    }

    /** Locates {@code node} and everything below it at the override. */
    private void locate(String path, JsonNode node) {
        tree.where().value(path, origin);
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = SourceMap.child(path, field.getKey());
                tree.where().key(child, origin);
                locate(child, field.getValue());
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            locate(SourceMap.element(path, i), node.get(i));
        }
    }
}
