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

    @Test
    void aVariantsOwnFractionsReplaceTheProtocolsAndRoundTripThroughSpecYaml(@org.junit.jupiter.api.io.TempDir Path dir) {
        ExperimentSpec spec = SpecLoader.load(Path.of("experiments/fractions.yaml"),
                List.of("protocol.fractions=[1]", "variants.m2.fractions=[1/4]", "variants.m3.fractions=[1/16, 1]"),
                null);
        List<String> ids = GridExpander.expand(spec).stream().map(RunSpec::id).toList();
        assertEquals(List.of("m1-gru100-f1-s1", "m2-gru100-f1_4-s1", "m3-gru100-f1_16-s1", "m3-gru100-f1-s1",
                "m4-gru100-f1-s1", "pop-f1-s1", "spop-f1-s1", "itemknn-f1-s1"), ids);
        Path written = dir.resolve("spec.yaml");
        SpecWriter.write(spec, written);
        ExperimentSpec reloaded = SpecLoader.load(written);
        assertEquals(spec.withSource(null), reloaded.withSource(null));
        assertEquals(ids, GridExpander.expand(reloaded).stream().map(RunSpec::id).toList());
        // the variant's configuration text, hence its runs' hashes, does not depend on the fraction list
        assertEquals(SpecLoader.load(Path.of("experiments/fractions.yaml")).variants().get(1).toString(),
                spec.variants().get(1).toString());
    }

    @Test
    void m2WhoseOwnFractionsHoldOnlyOneIsRefusedAtThatList() {
        SpecException e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> SpecLoader.load(Path.of("experiments/fractions.yaml"), List.of("variants.m2.fractions=[1]"),
                        null));
        assertEquals("--set variants.m2.fractions=[1]: variants[1].fractions: m2 does not run at fraction 1, and its "
                + "fractions have no other fraction", e.getMessage());
    }

    /**
     * An ensemble runs where all its members run (m2 sits fraction 1 out, m3 runs only where its own list says), has
     * no GRU part in its id, names its members' runs of its cell, and round-trips through spec.yaml.
     */
    @Test
    void anEnsembleRunsWhereAllItsMembersRun(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("ensemble.yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(Path.of("experiments/fractions.yaml"))
                + """
                  - model: ensemble
                    label: ens
                    members: [m2, m3]
                """);
        ExperimentSpec spec = SpecLoader.load(file, List.of("protocol.fractions=[1/16, 1/4, 1]",
                "variants.m3.fractions=[1/4, 1]"), null);
        List<RunSpec> runs = GridExpander.expand(spec);
        List<RunSpec> ensemble = runs.stream().filter(r -> r.variant().model().equals("ensemble")).toList();
        assertEquals(List.of("ens-f1_4-s1"), ensemble.stream().map(RunSpec::id).toList());
        assertEquals(0, ensemble.get(0).gruSize());
        assertEquals(List.of("m2-gru100-f1_4-s1", "m3-gru100-f1_4-s1"),
                GridExpander.members(spec, ensemble.get(0)).stream().map(RunSpec::id).toList());
        for (RunSpec member : GridExpander.members(spec, ensemble.get(0))) {
            assertEquals(runs.stream().filter(r -> r.id().equals(member.id())).findFirst().orElseThrow(), member);
        }
        Path written = dir.resolve("spec.yaml");
        SpecWriter.write(spec, written);
        assertEquals(spec.withSource(null), SpecLoader.load(written).withSource(null));
        assertEquals(List.of(), GridExpander.members(spec, runs.get(0)));
    }
}
