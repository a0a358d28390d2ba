package org.sessionrnn.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Remembers where every node of a spec tree came from: a field path such as {@code variants[0].max_epochs} maps to
 * a location text such as {@code experiments/x.yaml:12:5} or {@code --set variants.0.max_epochs=3}. Keys are
 * located separately from their values so that "unknown key" errors point at the key.
 */
final class SourceMap {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();

    /** An independent copy, for a tree edited apart from the original (one trial of a search). */
    SourceMap copy() {
        SourceMap copy = new SourceMap();
        copy.values.putAll(values);
        copy.keys.putAll(keys);
        return copy;
    }

    /** The path of {@code key} inside the mapping at {@code parent}. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of element {@code index} of the list at {@code parent}. */
    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    void value(String path, String where) {
        values.put(path, where);
    }

    void key(String path, String where) {
        keys.put(path, where);
    }

    /** Where the value at {@code path} came from, falling back to its nearest located ancestor. */
    String valueAt(String path) {
        String p = path;
        while (!values.containsKey(p) && !p.isEmpty()) {
            p = parent(p);
        }
        return values.getOrDefault(p, "?");
    }

    /** Where the key naming {@code path} was written (falls back to the value's location). */
    String keyAt(String path) {
        return keys.containsKey(path) ? keys.get(path) : valueAt(path);
    }

    /** Forgets {@code path} and everything below it. */
    void removeSubtree(String path) {
        values.keySet().removeIf(p -> within(p, path));
        keys.keySet().removeIf(p -> within(p, path));
    }

    private static boolean within(String p, String root) {
        return p.equals(root) || p.startsWith(root + ".") || p.startsWith(root + "[");
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
