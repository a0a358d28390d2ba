package org.sessionrnn.tune;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A trial's drawn settings as text, the same in messages, {@code trials.csv}, run records and {@code best.yaml}. */
final class TrialText {
    private TrialText() {
    }

    /** Settings as text for messages and files, e.g. {@code learning_rate=0.005}. */
    static Map<String, String> settingsText(Map<String, Object> settings) {
        Map<String, String> text = new LinkedHashMap<>();
        settings.forEach((k, v) -> text.put(k, valueText(v)));
        return text;
    }

    /** A drawn value as text; decimals in plain notation ({@code 0.000779}, not {@code 7.79E-4}). */
    static String valueText(Object value) {
        if (value instanceof Double d && Double.isFinite(d)) {
            return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }
}
