package org.sessionrnn.spec;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys of one settings record, in the order of its components: the one declaration from which the record is
 * read from a spec ({@link #read}), written back ({@link #values}), given its defaults, put into the configuration
 * text ({@code ConfigText}) and documented (experiments/README.md). A GRU model's table starts with the training
 * keys as a nested table ({@link GruTraining#KEYS}), the record's {@code training} component. The table is checked
 * against the record when it is built: a key whose type is not its component's stops the program at start.
 *
 * @param <S> the settings record
 */
public final class KeyTable<S extends Record> {
    private final Class<S> type;
    private final List<Object> entries;
    private final RecordComponent[] components;
    private final Constructor<S> constructor;

    private KeyTable(Class<S> type, List<Object> entries) {
        this.type = type;
        this.entries = List.copyOf(entries);
        this.components = type.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            this.constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getSimpleName() + " has no canonical constructor", e);
        }
        check();
    }

    /** The table of {@code type}, whose components are, in order, {@code entries}: keys or a nested table. */
    static <S extends Record> KeyTable<S> of(Class<S> type, Object... entries) {
        return new KeyTable<>(type, Arrays.asList(entries));
    }

    /** The settings record this table describes. */
    public Class<S> type() {
        return type;
    }

    /** Every key, the nested table's first, in writing order. */
    public List<Key<?>> keys() {
        List<Key<?>> keys = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof KeyTable<?> nested) {
                keys.addAll(nested.keys());
            } else {
                keys.add((Key<?>) entry);
            }
        }
        return Collections.unmodifiableList(keys);
    }

    /** The settings with every key at its declared default. */
    public S defaults() {
        Object[] args = new Object[entries.size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = entries.get(i) instanceof KeyTable<?> nested ? nested.defaults()
                    : ((Key<?>) entries.get(i)).defaultValue();
        }
        return construct(args);
    }

    /** The keys and the values {@code settings} holds, in writing order, as the spec writes them. */
    public Map<String, Object> values(S settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Object value = component(settings, i);
            if (entries.get(i) instanceof KeyTable<?> nested) {
                values.putAll(nested.valuesOf(value));
            } else {
                Key<?> key = (Key<?>) entries.get(i);
                values.put(key.name(), key.plain(value));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    /** The value {@code settings} holds for {@code key}. */
    public <T> T get(S settings, Key<T> key) {
        for (int i = 0; i < entries.size(); i++) {
            Object value = component(settings, i);
            if (entries.get(i) == key) {
                @SuppressWarnings("unchecked")
                T typed = (T) value;
                return typed;
            }
            if (entries.get(i) instanceof KeyTable<?> nested && nested.keys().contains(key)) {
                return nested.untypedGet(value, key);
            }
        }
        throw new IllegalArgumentException(type.getSimpleName() + " has no key " + key.name());
    }

    /** {@code settings} with {@code key} set to {@code value}. */
    public <T> S with(S settings, Key<T> key, T value) {
        if (!keys().contains(key)) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no key " + key.name());
        }
        Object[] args = new Object[entries.size()];
        for (int i = 0; i < args.length; i++) {
            Object current = component(settings, i);
            if (entries.get(i) == key) {
                args[i] = value;
            } else if (entries.get(i) instanceof KeyTable<?> nested && nested.keys().contains(key)) {
                args[i] = nested.untypedWith(current, key, value);
            } else {
                args[i] = current;
            }
        }
        return construct(args);
    }

    /** The settings {@code s} sets, {@code d}'s where a key is absent. */
    S read(Section s, S d) {
        Object[] args = new Object[entries.size()];
        for (int i = 0; i < args.length; i++) {
            Object fallback = component(d, i);
            args[i] = entries.get(i) instanceof KeyTable<?> nested ? nested.readOf(s, fallback)
                    : readKey((Key<?>) entries.get(i), s, fallback);
        }
        return construct(args);
    }

    private static <T> T readKey(Key<T> key, Section s, Object fallback) {
        @SuppressWarnings("unchecked")
        T typed = (T) fallback;
        return key.read(s, typed);
    }

    /** {@link #values} of settings known to be of this table's type. */
    Map<String, Object> valuesOf(Object settings) {
        return values(type.cast(settings));
    }

    private <T> T untypedGet(Object settings, Key<T> key) {
        return get(type.cast(settings), key);
    }

    private S untypedWith(Object settings, Key<?> key, Object value) {
        @SuppressWarnings("unchecked")
        Key<Object> k = (Key<Object>) key;
        return with(type.cast(settings), k, value);
    }

    /** {@link #read} with defaults known to be of this table's type. */
    S readOf(Section s, Object d) {
        return read(s, type.cast(d));
    }

    private Object component(S settings, int i) {
        try {
            return components[i].getAccessor().invoke(settings);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + type.getSimpleName() + "." + components[i].getName(), e);
        }
    }

    private S construct(Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    /** One entry per component, each of the component's type: else the record and its table disagree. */
    private void check() {
        if (components.length != entries.size()) {
            throw new IllegalStateException(type.getSimpleName() + " has " + components.length
                    + " components but its key table " + entries.size() + " entries");
        }
        for (int i = 0; i < components.length; i++) {
            Class<?> expected = entries.get(i) instanceof KeyTable<?> nested ? nested.type
                    : ((Key<?>) entries.get(i)).type();
            if (!boxed(components[i].getType()).equals(expected)) {
                throw new IllegalStateException(type.getSimpleName() + "." + components[i].getName() + " is a "
                        + components[i].getType().getSimpleName() + ", but its key " + entries.get(i)
                        + " holds a " + expected.getSimpleName());
            }
        }
    }

    private static Class<?> boxed(Class<?> c) {
        if (!c.isPrimitive()) {
            return c;
        }
        return switch (c.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "boolean" -> Boolean.class;
            default -> throw new IllegalStateException("no key type holds a " + c);
        };
    }

    @Override
    public String toString() {
        return type.getSimpleName() + keys();
    }
}
