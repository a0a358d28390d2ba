package org.sessionrnn.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps of spec keys to values, written as {@code key, value, key, value, ...} like {@link Map#of}. */
final class SpecValues {
    private SpecValues() {
    }

    /** An unmodifiable map of the pairs in their order. */
    static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(values);
    }
}
