package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code refit} applies to every GRU model and to no baseline; {@code output_dropout} to M1, M2, M4 and m1plus (M2 and
 * M4 through their pre-trained M1), not to M3. Turning refit on changes the run's configuration, leaving it off
 * keeps the text (and hence the hash) of runs configured before the key existed.
 */
class TrainingKeysTest {
    private static final Path BASE = Path.of("src/test/resources/specs/base.yaml");

    private static VariantSpec only(String... sets) {
        return SpecLoader.load(BASE, List.of(sets), null).variants().get(0);
    }

    @Test
    void refitIsAGruKeyOffByDefault() {
        assertFalse(only("variants=[{model: m1}]").training().refit());
        assertTrue(only("variants=[{model: m3, refit: true}]").training().refit());
        SpecException e = assertThrows(SpecException.class, () -> only("variants=[{model: pop, refit: true}]"));
        assertTrue(e.getMessage().contains("variants[0].refit: does not apply to model pop"), e.getMessage());
    }

    @Test
    void outputDropoutReachesM2AndM4ButNotM3() {
        assertEquals(0.7, only("protocol.fractions=[1/4]", "variants=[{model: m2, output_dropout: 0.7}]")
                .settings(SoftmaxSettings.class).outputDropout());
        assertEquals(0.5, only("variants=[{model: m4, output_dropout: 0.5}]").settings(EmbeddingOutputSettings.class)
                .outputDropout());
        SpecException e = assertThrows(SpecException.class,
                () -> only("variants=[{model: m3, output_dropout: 0.5}]"));
        assertTrue(e.getMessage().contains("variants[0].output_dropout: does not apply to model m3"), e.getMessage());
    }

    @Test
    void refitOnChangesTheConfigurationTextOffKeepsIt() {
        VariantSpec off = only("variants=[{model: m1}]");
        VariantSpec on = only("variants=[{model: m1, refit: true}]");
        assertFalse(off.toString().contains("refit"), off.toString());
        String text = off.toString();
        assertEquals(text.substring(0, text.length() - 1) + ", refit=true]", on.toString());
    }
}
