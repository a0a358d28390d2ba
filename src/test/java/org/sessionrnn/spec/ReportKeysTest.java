package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The protocol keys that only the report reads: {@code data_fraction} and {@code leaderboard}. They parse, default
 * to the whole data set and no leaderboard, round-trip through spec.yaml, and leave the text (and so the hash) of
 * a spec that does not set them as it was.
 */
class ReportKeysTest {
    private static final Path FRACTIONS = Path.of("experiments/fractions.yaml");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"1/64, 1, 64", "0.25, 1, 4", "1, 1, 1", "2/8, 1, 4", "'3/4', 3, 4"})
    void dataFractionParses(String text, int numerator, int denominator) {
        ProtocolSpec p = SpecLoader.load(FRACTIONS, List.of("protocol.data_fraction=" + text), null).protocol();
        assertEquals(new Fraction(numerator, denominator), p.dataFraction());
    }

    @Test
    void defaultsAreTheWholeDataSetAndNoLeaderboard() {
        ProtocolSpec p = SpecLoader.load(FRACTIONS).protocol();
        assertEquals(Fraction.ONE, p.dataFraction());
        assertEquals(ProtocolSpec.NO_LEADERBOARD, p.leaderboard());
        assertFalse(p.hasLeaderboard());
        String yaml = SpecWriter.toYaml(SpecLoader.load(FRACTIONS));
        assertFalse(yaml.contains("data_fraction") || yaml.contains("leaderboard"), yaml);
        assertEquals(yaml, SpecWriter.toYaml(SpecLoader.load(FRACTIONS, List.of("protocol.data_fraction=1",
                "protocol.leaderboard=none"), null)));
    }

    @Test
    void setKeysRoundTripThroughTheWrittenSpec() {
        ExperimentSpec spec = SpecLoader.load(FRACTIONS, List.of("protocol.data_fraction=1/64",
                "protocol.leaderboard=yoochoose1_64"), null);
        assertEquals("yoochoose1_64", spec.protocol().leaderboard());
        Path written = dir.resolve("spec.yaml");
        SpecWriter.write(spec, written);
        ExperimentSpec reloaded = SpecLoader.load(written);
        assertEquals(spec.withSource(null), reloaded.withSource(null));
        assertTrue(SpecWriter.toYaml(spec).contains("data_fraction: 1/64"), SpecWriter.toYaml(spec));
        assertFalse(SpecWriter.specHash(spec).equals(SpecWriter.specHash(SpecLoader.load(FRACTIONS))));
    }

    @Test
    void trainingFingerprintsDoNotSeeTheReportKeys() {
        ExperimentSpec set = SpecLoader.load(FRACTIONS, List.of("protocol.data_fraction=1/4",
                "protocol.leaderboard=diginetica"), null);
        assertEquals(SpecWriter.toYaml(SpecLoader.load(FRACTIONS)), SpecWriter.toYaml(set.withoutReportKeys()));
        assertEquals(SpecLoader.load(FRACTIONS).protocol(), set.protocol().withoutReportKeys());
    }

    @Test
    void aDataFractionTooFineForTheFractionsIsRefusedAtItsKey() {
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(FRACTIONS,
                List.of("protocol.data_fraction=1/2147483647"), null));
        assertEquals("--set protocol.data_fraction=1/2147483647: protocol.data_fraction: fraction 1/256 of "
                + "protocol.data_fraction 1/2147483647 is too fine-grained: its denominator is beyond 2^31",
                e.getMessage());
        SpecException v = assertThrows(SpecException.class, () -> SpecLoader.load(FRACTIONS,
                List.of("protocol.data_fraction=1/65536", "variants.m1.fractions=[1/65536]"), null));
        assertEquals("--set variants.m1.fractions=[1/65536]: variants[0].fractions: fraction 1/65536 of "
                + "protocol.data_fraction 1/65536 is too fine-grained: its denominator is beyond 2^31",
                v.getMessage());
    }

    @Test
    void aFractionOfAFraction() {
        assertEquals(new Fraction(1, 256), new Fraction(1, 4).of(new Fraction(1, 64)));
        assertEquals(new Fraction(1, 6), new Fraction(2, 3).of(new Fraction(1, 4)));
        assertEquals(new Fraction(1, 4), new Fraction(1, 4).of(Fraction.ONE));
        assertThrows(ArithmeticException.class, () -> new Fraction(1, 65536).of(new Fraction(1, 65536)));
    }
}
