package org.sessionrnn.spec;

/** The settings of a kind that has none (POP, S-POP): it reads only {@code label} and {@code model}. */
public record NoSettings() implements ModelSettings {
    /** No keys. */
    public static final KeyTable<NoSettings> KEYS = KeyTable.of(NoSettings.class);

    /** The one value. */
    public static final NoSettings NONE = new NoSettings();

    @Override
    public KeyTable<NoSettings> keyTable() {
        return KEYS;
    }
}
