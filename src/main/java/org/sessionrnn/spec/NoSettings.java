package org.sessionrnn.spec;

import java.util.Map;

/** The settings of a kind that has none (POP, S-POP): it reads only {@code label} and {@code model}. */
public record NoSettings() implements ModelSettings {
    /** The one value. */
    public static final NoSettings NONE = new NoSettings();

    @Override
    public Map<String, Object> specValues() {
        return Map.of();
    }
}
