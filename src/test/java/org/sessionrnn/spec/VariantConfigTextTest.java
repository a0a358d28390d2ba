package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The text a variant contributes to its runs' configuration hashes, and the spec.yaml written for it, must not
 * change as the code changes shape: a changed text would make every finished run look unfinished and train again.
 * The expected files were written by the code that produced the first results folders with these keys.
 */
class VariantConfigTextTest {
    private static final Path SPECS = Path.of("src/test/resources/specs");

    @Test
    void everyKindKeepsItsConfigurationText() throws IOException {
        List<String> expected = Files.readAllLines(SPECS.resolve("every-kind.config-text"));
        List<String> actual = SpecLoader.load(SPECS.resolve("every-kind.yaml")).variants().stream()
                .map(VariantSpec::toString).toList();
        assertEquals(expected, actual);
    }

    @Test
    void everyKindIsWrittenBackAsBefore() throws IOException {
        ExperimentSpec spec = SpecLoader.load(SPECS.resolve("every-kind.yaml"));
        assertEquals(Files.readString(SPECS.resolve("every-kind.written.yaml")), SpecWriter.toYaml(spec));
    }

    @Test
    void negativeZeroIsOffLikeZero() {
        VariantSpec zero = SpecLoader.load(SPECS.resolve("every-kind.yaml"), List.of("variants.m2.output_dropout=0"),
                null).variants().get(2);
        VariantSpec negativeZero = SpecLoader.load(SPECS.resolve("every-kind.yaml"),
                List.of("variants.m2.output_dropout=-0.0"), null).variants().get(2);
        assertEquals(zero.toString(), negativeZero.toString());
        assertNotEquals(zero.toString(), VariantSpec.defaults("m1plus").toString());
    }

    @Test
    void aKindReadingAKeyItsSettingsDoNotHoldIsRefusedAtStart() {
        ModelSchema misdeclared = new ModelSchema() {
            @Override
            public String id() {
                return "m1_with_lambda";
            }

            @Override
            public ModelSettings defaultSettings() {
                return SoftmaxSettings.DEFAULT;
            }

            @Override
            public List<String> ownKeys() {
                return List.of("output_dropout", "lambda");
            }

            @Override
            public boolean runsAtFractionOne() {
                return true;
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ModelCatalogue.Holder.checkKeys(misdeclared));
        assertEquals("model kind m1_with_lambda reads 'lambda', which its SoftmaxSettings does not hold",
                e.getMessage());
        ModelCatalogue.all().forEach(ModelCatalogue.Holder::checkKeys);
    }
}
