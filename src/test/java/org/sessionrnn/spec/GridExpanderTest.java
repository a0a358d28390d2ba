package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GridExpanderTest {
    private static List<RunSpec> runs(String file) {
        return GridExpander.expand(SpecLoader.load(Path.of(file)));
    }

    @Test
    void exampleGridHasOneRunPerFractionWithStableIds() {
        List<String> ids = runs("experiments/fractions.yaml").stream().map(RunSpec::id).toList();
        List<String> expected = new java.util.ArrayList<>();
        for (String model : List.of("m1", "m2", "m3", "m4")) {
            for (String f : List.of("f1_256", "f1_64", "f1_16", "f1_4", "f1")) {
                if (!(model.equals("m2") && f.equals("f1"))) {
                    expected.add(model + "-gru100-" + f + "-s1");
                }
            }
        }
        for (String model : List.of("pop", "spop", "itemknn")) {
            for (String f : List.of("f1_256", "f1_64", "f1_16", "f1_4", "f1")) {
                expected.add(model + "-" + f + "-s1");
            }
        }
        assertEquals(expected, ids);
        assertEquals(ids, runs("experiments/fractions.yaml").stream().map(RunSpec::id).toList());
    }

    @Test
    void fullGridNestsVariantSizeFractionSeedAndSkipsM2AtFractionOne() {
        List<RunSpec> runs = runs("src/test/resources/specs/full.yaml");
        // m1: 2 sizes x 3 fractions x 3 seeds; m2: 1 x 2 x 3; m3, m4, pop, spop, itemknn: 1 x 3 x 3 each
        assertEquals(18 + 6 + 5 * 9, runs.size());
        assertEquals(runs.size(), new HashSet<>(runs.stream().map(RunSpec::id).toList()).size());
        assertEquals(List.of("m1-gru50-f1_64-s3", "m1-gru50-f1_64-s1", "m1-gru50-f1_64-s2", "m1-gru50-f1_4-s3"),
                runs.subList(0, 4).stream().map(RunSpec::id).toList());
        assertEquals(List.of("m2_small-gru20-f1_64-s3", "m2_small-gru20-f1_64-s1", "m2_small-gru20-f1_64-s2",
                        "m2_small-gru20-f1_4-s3", "m2_small-gru20-f1_4-s1", "m2_small-gru20-f1_4-s2"),
                runs.stream().filter(r -> r.variant().model().equals("m2")).map(RunSpec::id).toList());
        assertFalse(runs.stream().anyMatch(r -> r.variant().model().equals("m2")
                && r.fraction().equals(Fraction.ONE)));
    }

    @Test
    void baselinesHaveNoGruPartAndSizeZero() {
        RunSpec pop = runs("src/test/resources/specs/full.yaml").stream()
                .filter(r -> r.variant().model().equals("pop")).findFirst().orElseThrow();
        assertEquals("pop-f1_64-s3", pop.id());
        assertEquals(0, pop.gruSize());
        assertEquals(3L, pop.seed());
    }
}
