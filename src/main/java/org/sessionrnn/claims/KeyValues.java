package org.sessionrnn.claims;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} line format of claim and worker files: readable with cat, parseable with grep. */
final class KeyValues {
    private KeyValues() {
    }

    static String format(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        text.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return values;
    }
}
