package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecWriterTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"experiments/fractions.yaml", "src/test/resources/specs/full.yaml"})
    void writtenSpecLoadsBackEqualWithTheSameHash(String file) {
        ExperimentSpec spec = SpecLoader.load(Path.of(file));
        Path written = dir.resolve("spec.yaml");
        SpecWriter.write(spec, written);
        ExperimentSpec reloaded = SpecLoader.load(written);
        assertEquals(spec.withSource(null), reloaded.withSource(null));
        assertEquals(SpecWriter.toYaml(spec), SpecWriter.toYaml(reloaded));
        assertEquals(SpecWriter.specHash(spec), SpecWriter.specHash(reloaded));
        assertTrue(SpecWriter.specHash(spec).matches("[0-9a-f]{" + SpecWriter.HASH_LENGTH + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.source=gru4rec", "data.source=yoochoose"})
    void fileSourcesRoundTrip(String source) {
        List<String> sets = List.of(source, "data.train=a/train.tsv", "data.test=a/test.tsv", "data.path=b.dat");
        List<String> used = new java.util.ArrayList<>(
                source.endsWith("gru4rec") ? sets.subList(0, 3) : List.of(source, sets.get(3)));
        used.add("data.synthetic=null");
        ExperimentSpec spec = SpecLoader.load(Path.of("experiments/fractions.yaml"), used, null);
        Path written = dir.resolve("spec.yaml");
        SpecWriter.write(spec, written);
        assertEquals(spec.withSource(null), SpecLoader.load(written).withSource(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"seeds=[2]", "variants.m1.max_epochs=3", "protocol.cutoff=10"})
    void anyChangeChangesTheHash(String change) {
        Path file = Path.of("experiments/fractions.yaml");
        assertNotEquals(SpecWriter.specHash(SpecLoader.load(file)),
                SpecWriter.specHash(SpecLoader.load(file, List.of(change), null)));
    }
}
