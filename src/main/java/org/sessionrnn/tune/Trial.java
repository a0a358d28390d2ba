package org.sessionrnn.tune;

import java.util.Locale;
import java.util.Map;

/**
 * One drawn setting of a search.
 *
 * @param number   1-based position in the draw
 * @param settings searched key to value, in the search section's order
 */
public record Trial(int number, Map<String, Object> settings) {
    public Trial {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }

    /** The trial's id and run folder name, e.g. {@code t007}. */
    public String id() {
        return String.format(Locale.ROOT, "t%03d", number);
    }
}
