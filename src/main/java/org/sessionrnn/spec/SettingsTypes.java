package org.sessionrnn.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Every settings type's key table, for what spans all kinds: the configuration text (which lists keys a variant's
 * settings lack) and the docs table. A new settings type joins this list and the {@code permits} list of its
 * sealed interface; a test checks that the two agree.
 */
final class SettingsTypes {
    /** In the order the docs table lists their keys. */
    static final List<KeyTable<?>> TABLES = List.of(SoftmaxSettings.KEYS, DistillationSettings.KEYS,
            EmbeddingOutputSettings.KEYS, ItemKnnSettings.KEYS, NoSettings.KEYS, EnsembleSettings.KEYS);

    private SettingsTypes() {
    }

    /** Every declared key once, in the order of first appearance in {@link #TABLES}. */
    static List<Key<?>> allKeys() {
        List<Key<?>> all = new ArrayList<>();
        for (KeyTable<?> table : TABLES) {
            table.keys().stream().filter(k -> !all.contains(k)).forEach(all::add);
        }
        return List.copyOf(all);
    }
}
