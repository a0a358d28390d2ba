package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The key tables agree with their records, cover every settings type, and order the configuration text. */
class KeyTableTest {
    record TwoKeys(int neighbours, double lambda) {
    }

    @Test
    void aTableMustMatchItsRecordsComponents() {
        IllegalStateException swapped = assertThrows(IllegalStateException.class,
                () -> KeyTable.of(TwoKeys.class, ItemKnnSettings.KNN_LAMBDA, ItemKnnSettings.NEIGHBOURS));
        assertEquals("TwoKeys.neighbours is a int, but its key knn_lambda holds a Double", swapped.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> KeyTable.of(TwoKeys.class, ItemKnnSettings.NEIGHBOURS));
        assertEquals("TwoKeys has 2 components but its key table 1 entries", missing.getMessage());
    }

    @Test
    void everySettingsTypeHasItsTableListed() {
        Set<Class<?>> listed = new HashSet<>();
        SettingsTypes.TABLES.forEach(t -> listed.add(t.type()));
        assertEquals(Set.copyOf(records(ModelSettings.class)), listed);
    }

    @Test
    void aTableReadsWritesAndChangesItsRecord() {
        SoftmaxSettings tuned = SoftmaxSettings.KEYS.with(SoftmaxSettings.DEFAULT, SoftmaxSettings.OPTIMIZER,
                Optimizer.ADAGRAD);
        assertEquals(Optimizer.ADAGRAD, tuned.optimizer());
        assertEquals("adagrad", tuned.specValues().get("optimizer"));
        assertEquals(0.001, SoftmaxSettings.KEYS.get(tuned, GruTraining.LEARNING_RATE));
        assertEquals(List.of("gru_sizes", "embedding", "embedding_dropout", "batch_size", "learning_rate",
                "max_epochs", "patience", "warmup_steps", "learning_rate_decay", "refit", "output_dropout",
                "clip_norm", "tied_embedding", "optimizer", "momentum", "sampled_negatives", "repeat_window"),
                List.copyOf(tuned.specValues().keySet()));
        assertThrows(IllegalArgumentException.class,
                () -> ItemKnnSettings.KEYS.with(ItemKnnSettings.DEFAULT, SoftmaxSettings.CLIP_NORM, 1.0));
    }

    /** Version 0.1's fields first, then the keys added before the tables in their order, then newer keys. */
    @Test
    void theConfigurationTextListsANewKeyLast() {
        Key<Integer> newer = Key.integer("newer", 0, Interval.NON_NEGATIVE, "a key added later");
        List<Key<?>> declared = new ArrayList<>(List.of(newer));
        declared.addAll(SettingsTypes.allKeys());
        List<String> order = ConfigText.order(declared).stream().map(Key::name).toList();
        assertEquals(List.of("gru_sizes", "embedding", "embedding_dropout", "batch_size", "learning_rate",
                "max_epochs", "patience", "lambda", "temperature", "soft_label_top_k", "hidden_size", "neighbours",
                "knn_lambda", "knn_alpha", "output_dropout", "clip_norm", "warmup_steps", "learning_rate_decay",
                "tied_embedding", "optimizer", "momentum", "refit", "newer", "sampled_negatives", "repeat_window",
                "members"), order);
    }

    private static List<Class<?>> records(Class<?> type) {
        List<Class<?>> records = new ArrayList<>();
        if (type.isRecord()) {
            records.add(type);
        }
        Class<?>[] permitted = type.getPermittedSubclasses();
        if (permitted != null) {
            for (Class<?> sub : permitted) {
                records.addAll(records(sub));
            }
        }
        return records;
    }
}
