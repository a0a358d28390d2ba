package org.sessionrnn.spec;

import java.util.List;

/**
 * One searched variant key of a {@code tune} spec: a list of values to choose from, or a numeric range.
 *
 * @param key     the variant key, e.g. {@code learning_rate}
 * @param kind    how values are drawn
 * @param choices for {@link Kind#CHOICE}: the values as written (numbers, strings, booleans or lists), each
 *                valid for the key; empty otherwise
 * @param low     for ranges: the lower bound (inclusive)
 * @param high    for ranges: the upper bound (inclusive for {@link Kind#INTEGER}; a draw never exceeds it)
 */
public record SearchParam(String key, Kind kind, List<Object> choices, double low, double high) {
    /** How the values of a searched key are drawn. */
    public enum Kind {
        /** One of a list of values, each equally likely ({@code [64, 128, 256]}). */
        CHOICE("list"),
        /** Uniform on {@code [low, high]} ({@code {uniform: [0, 0.5]}}). */
        UNIFORM("uniform"),
        /** Uniform in the logarithm on {@code [low, high]}, both above 0 ({@code {log_uniform: [1e-4, 1e-2]}}). */
        LOG_UNIFORM("log_uniform"),
        /** A whole number in {@code [low, high]}, both ends included ({@code {integer: [16, 128]}}). */
        INTEGER("integer");

        private final String keyword;

        Kind(String keyword) {
            this.keyword = keyword;
        }

        /** The YAML keyword of a range, or {@code list}. */
        public String keyword() {
            return keyword;
        }
    }

    public SearchParam {
        choices = List.copyOf(choices);
    }

    /** The number of distinct values, or 0 for a continuous range. */
    public long size() {
        return switch (kind) {
            case CHOICE -> choices.size();
            case INTEGER -> (long) high - (long) low + 1;
            case UNIFORM, LOG_UNIFORM -> 0;
        };
    }
}
