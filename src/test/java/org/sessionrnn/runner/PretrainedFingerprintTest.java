package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionrnn.spec.EmbeddingOutputSettings;
import org.sessionrnn.spec.GruTraining;
import org.sessionrnn.spec.Key;
import org.sessionrnn.spec.ProtocolSpec;
import org.sessionrnn.spec.SoftmaxSettings;

/**
 * M2 and M4 reuse a cached pre-trained M1 whenever its fingerprint matches, so every input of that M1 must change
 * the fingerprint: a forgotten one would make them start silently from the wrong model.
 */
class PretrainedFingerprintTest {
    private static final ProtocolSpec P = ProtocolSpec.DEFAULT;
    private static final String DATA = "0123abcd items=3000 train_sequences=9000";

    private static String of(SoftmaxSettings m1) {
        return PretrainedModels.fingerprint(m1, 100, 1, P, DATA);
    }

    @Test
    void everyKeyOfThePretrainedModelsSettingsChangesIt() {
        String base = of(SoftmaxSettings.DEFAULT);
        int checked = 0;
        for (Key<?> key : SoftmaxSettings.KEYS.keys()) {
            if (key == GruTraining.GRU_SIZES || key == GruTraining.REFIT) {
                continue;
            }
            SoftmaxSettings changed = changed(SoftmaxSettings.DEFAULT, key);
            assertNotEquals(SoftmaxSettings.DEFAULT, changed, key.name());
            assertNotEquals(base, of(changed), key.name() + " is not in the fingerprint");
            checked++;
        }
        assertEquals(SoftmaxSettings.KEYS.keys().size() - 2, checked);
    }

    @Test
    void theDataTheCellAndTheProtocolChangeIt() {
        String base = of(SoftmaxSettings.DEFAULT);
        assertTrue(base.startsWith("pretrained-m1 v" + PretrainedModels.FINGERPRINT_VERSION + "\n"), base);
        SoftmaxSettings m1 = SoftmaxSettings.DEFAULT;
        assertNotEquals(base, PretrainedModels.fingerprint(m1, 100, 1, P, "0123abce items=3000 train_sequences=9000"));
        assertNotEquals(base, PretrainedModels.fingerprint(m1, 101, 1, P, DATA));
        assertNotEquals(base, PretrainedModels.fingerprint(m1, 100, 2, P, DATA));
        assertNotEquals(base, PretrainedModels.fingerprint(m1, 100, 1,
                new ProtocolSpec(P.fractions(), P.validationShare(), P.maxLength() + 1, P.cutoff()), DATA));
        assertNotEquals(base, PretrainedModels.fingerprint(m1, 100, 1,
                new ProtocolSpec(P.fractions(), 0.2, P.maxLength(), P.cutoff()), DATA));
    }

    /** The cell trains one GRU size of the list, and the cached model is the early-stopped one even with refit. */
    @Test
    void theSizeListAndRefitDoNotSplitTheCache() {
        SoftmaxSettings listed = SoftmaxSettings.KEYS.with(SoftmaxSettings.DEFAULT, GruTraining.GRU_SIZES,
                List.of(100, 200));
        SoftmaxSettings refit = SoftmaxSettings.KEYS.with(SoftmaxSettings.DEFAULT, GruTraining.REFIT, true);
        assertEquals(of(SoftmaxSettings.DEFAULT), of(listed));
        assertEquals(of(SoftmaxSettings.DEFAULT), of(refit));
    }

    /** An M1 run offers the model that an M4 with its output dropout then looks up. */
    @Test
    void m4LooksUpTheM1ItsSettingsDescribe() {
        EmbeddingOutputSettings m4 = EmbeddingOutputSettings.KEYS.with(EmbeddingOutputSettings.DEFAULT,
                SoftmaxSettings.OUTPUT_DROPOUT, 0.3);
        SoftmaxSettings m1 = SoftmaxSettings.KEYS.with(SoftmaxSettings.DEFAULT, SoftmaxSettings.OUTPUT_DROPOUT, 0.3);
        assertEquals(of(m1), of(m4.pretrained()));
        assertNotEquals(of(SoftmaxSettings.DEFAULT), of(m4.pretrained()));
    }

    /** {@code settings} with {@code key} set to a value other than its own. */
    private static SoftmaxSettings changed(SoftmaxSettings settings, Key<?> key) {
        return with(settings, key, other(SoftmaxSettings.KEYS.get(settings, key)));
    }

    private static <T> SoftmaxSettings with(SoftmaxSettings settings, Key<T> key, Object value) {
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return SoftmaxSettings.KEYS.with(settings, key, typed);
    }

    private static Object other(Object value) {
        if (value instanceof Integer i) {
            return i + 1;
        }
        if (value instanceof Long l) {
            return l + 1;
        }
        if (value instanceof Double d) {
            return d < 0.5 ? d + 0.0625 : d / 2;
        }
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof Enum<?> e) {
            Object[] constants = e.getDeclaringClass().getEnumConstants();
            return Arrays.stream(constants).filter(c -> c != e).findFirst().orElseThrow();
        }
        throw new AssertionError("no other value for " + value);
    }
}
