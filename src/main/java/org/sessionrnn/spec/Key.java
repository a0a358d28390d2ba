package org.sessionrnn.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One spec key of a settings type, declared once: its name, the Java type of its value, its default (for a key
 * added after the first results, its "off" value: a run that leaves it there keeps its configuration hash), its
 * valid range or choices and a doc line. The settings type lists its keys in a {@link KeyTable}, from which the
 * spec reader, the spec writer, the configuration text and the key table of experiments/README.md are derived; a
 * model kind names the keys it reads by these constants ({@link ModelSchema#ownKeys()}).
 *
 * @param <T> the type of the value, as the settings record holds it (boxed)
 */
public final class Key<T> {
    /** How a value is read from a spec and shown. */
    private enum Form { INTEGER, LONG, DECIMAL, FLAG, CHOICE, SIZES, LABELS }

    private final String name;
    private final Form form;
    private final Class<?> type;
    private final T defaultValue;
    private final Interval range;
    private final String doc;
    private final Object textSince01;

    private Key(String name, Form form, Class<?> type, T defaultValue, Interval range, String doc,
                Object textSince01) {
        this.name = name;
        this.form = form;
        this.type = type;
        this.defaultValue = Objects.requireNonNull(defaultValue, name);
        this.range = range;
        this.doc = doc;
        this.textSince01 = textSince01;
    }

    static Key<Integer> integer(String name, int defaultValue, Interval range, String doc) {
        return new Key<>(name, Form.INTEGER, Integer.class, defaultValue, range, doc, null);
    }

    static Key<Long> longInteger(String name, long defaultValue, Interval range, String doc) {
        return new Key<>(name, Form.LONG, Long.class, defaultValue, range, doc, null);
    }

    static Key<Double> decimal(String name, double defaultValue, Interval range, String doc) {
        return new Key<>(name, Form.DECIMAL, Double.class, defaultValue, range, doc, null);
    }

    static Key<Boolean> flag(String name, boolean defaultValue, String doc) {
        return new Key<>(name, Form.FLAG, Boolean.class, defaultValue, null, doc, null);
    }

    /** One constant of {@code E}, named in a spec by its {@code toString()}. */
    static <E extends Enum<E>> Key<E> choice(String name, E defaultValue, String doc) {
        return new Key<>(name, Form.CHOICE, defaultValue.getDeclaringClass(), defaultValue, null, doc, null);
    }

    /** A non-empty list of distinct sizes in {@code range}, one run each. */
    static Key<List<Integer>> sizes(String name, List<Integer> defaultValue, Interval range, String doc) {
        return new Key<>(name, Form.SIZES, List.class, List.copyOf(defaultValue), range, doc, null);
    }

    /**
     * A list of distinct variant labels; empty (no list) by default. What the labels must name is the reader's
     * check, which knows the other variants.
     */
    static Key<List<String>> labels(String name, String doc) {
        return new Key<>(name, Form.LABELS, List.class, List.of(), null, doc, null);
    }

    /**
     * This key as one of the fields that version 0.1's configuration text always held: it is written into every
     * variant's text, with {@code absent} for a variant whose settings lack it.
     */
    Key<T> inTextSince01(Object absent) {
        return new Key<>(name, form, type, defaultValue, range, doc, Objects.requireNonNull(absent));
    }

    /** The key's name in a spec, e.g. {@code output_dropout}. */
    public String name() {
        return name;
    }

    /** The value of a settings type's defaults; "off" for a key that is left out of the configuration text. */
    public T defaultValue() {
        return defaultValue;
    }

    /** What the key means, one line. */
    public String doc() {
        return doc;
    }

    /** The names of {@code keys}, in order. */
    public static List<String> names(List<? extends Key<?>> keys) {
        return keys.stream().map(Key::name).toList();
    }

    /** The Java type of the value (boxed; {@code List} for sizes). */
    Class<?> type() {
        return type;
    }

    /** Version 0.1's value for a variant without the key, or null for a key written only when it is not off. */
    Object textSince01() {
        return textSince01;
    }

    /** The value {@code s} sets, or {@code fallback} when the key is absent or null there. */
    T read(Section s, T fallback) {
        Object value = switch (form) {
            case INTEGER -> s.integer(name, (Integer) fallback, range);
            case LONG -> s.longValue(name, (Long) fallback, range);
            case DECIMAL -> s.decimal(name, (Double) fallback, range);
            case FLAG -> s.bool(name, (Boolean) fallback);
            case CHOICE -> constant(s.choice(name, fallback.toString(), choices(), name.replace('_', ' ')));
            case SIZES -> sizes(s, fallback);
            case LABELS -> labels(s, fallback);
        };
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    private List<Integer> sizes(Section s, Object fallback) {
        @SuppressWarnings("unchecked")
        List<Integer> sizes = (List<Integer>) fallback;
        return s.list(name, sizes, v -> v.asInt(range), "GRU size");
    }

    private List<String> labels(Section s, Object fallback) {
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) fallback;
        return s.list(name, labels, Value::asText, "label");
    }

    /** The value as the spec writes it: a number, a flag, a list, or a choice's name. */
    Object plain(Object value) {
        return form == Form.CHOICE ? value.toString() : value;
    }

    /** The names a choice key accepts, in declaration order. */
    List<String> choices() {
        return Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
    }

    private Object constant(String spelled) {
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.toString().equals(spelled)).findFirst()
                .orElseThrow();
    }

    /** The valid values, as the docs table gives them: {@code [0, 1)}, {@code 1 .. 16384}, {@code `adam`, ...}. */
    String allowed() {
        return switch (form) {
            case FLAG -> "`true`/`false`";
            case CHOICE -> String.join(", ", choices().stream().map(c -> "`" + c + "`").toList());
            case SIZES -> "distinct integers " + range.span();
            case LABELS -> "distinct variant labels";
            default -> range.span();
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
