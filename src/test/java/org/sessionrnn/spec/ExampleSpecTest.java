package org.sessionrnn.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExampleSpecTest {
    private static final Path FRACTIONS = Path.of("experiments/fractions.yaml");

    @Test
    void fractionsSpecLoadsWithDocumentedDefaults() {
        ExperimentSpec spec = SpecLoader.load(FRACTIONS);
        assertEquals("fractions", spec.name());
        assertEquals(List.of(1L), spec.seeds());
        assertEquals(Path.of("results"), spec.output());
        assertEquals(Path.of("results/fractions"), spec.experimentDir());
        assertEquals(FRACTIONS, spec.source());
        SyntheticSpec d = SyntheticSpec.DEFAULT;
        SyntheticSpec half = new SyntheticSpec(200_000, d.items(), d.clusters(), d.days(), d.noise(), d.drift(), d.seed());
        assertEquals(new DataSpec("synthetic", null, null, null, half, null, PreprocessSpec.RSC15), spec.data());
        assertEquals(ProtocolSpec.DEFAULT, spec.protocol());
        // the four models of the paper, at their defaults except the learning rate the example raises to 0.005 and
        // the short epoch budget that keeps the example fast, and the three baselines
        assertEquals(List.of(fast("m1"), fast("m2"), fast("m3"), fast("m4"), VariantSpec.defaults("pop"),
                VariantSpec.defaults("spop"), VariantSpec.defaults("itemknn")), spec.variants());
    }

    private static VariantSpec fast(String model) {
        GruTraining d = GruTraining.DEFAULT;
        GruTraining fast = new GruTraining(d.gruSizes(), d.embedding(), d.embeddingDropout(), d.batchSize(), 0.005, 10,
                2, d.warmupSteps(), d.learningRateDecay(), d.refit());
        ModelSettings settings = switch (model) {
            case "m3" -> new DistillationSettings(fast, 0.2, 1, 0);
            case "m4" -> new EmbeddingOutputSettings(fast, 0, 0);
            default -> SoftmaxSettings.of(fast);
        };
        return new VariantSpec(model, model, settings);
    }

    @Test
    void documentedDefaultValues() {
        assertEquals(new SyntheticSpec(400_000, 3_000, 60, 30, 0.1, 0.3, 7), SyntheticSpec.DEFAULT);
        assertEquals(new PreprocessSpec(2, 5, 1.0), PreprocessSpec.RSC15);
        assertEquals(List.of(new Fraction(1, 256), new Fraction(1, 64), new Fraction(1, 16), new Fraction(1, 4),
                Fraction.ONE), ProtocolSpec.DEFAULT.fractions());
        assertEquals(new ProtocolSpec(ProtocolSpec.DEFAULT.fractions(), 0.1, 19, 20), ProtocolSpec.DEFAULT);
        GruTraining training = new GruTraining(List.of(100), 50, 0.25, 512, 0.001, 100, 3, 0, 1, false);
        assertEquals(training, GruTraining.DEFAULT);
        assertEquals(new VariantSpec("m1", "m1", new SoftmaxSettings(training, 0, 0, false, "adam", 0)),
                VariantSpec.defaults("m1"));
        assertEquals(new VariantSpec("m1plus", "m1plus", new SoftmaxSettings(training, 0.6, 0, true, "adam", 0)),
                VariantSpec.defaults("m1plus"));
        assertEquals(new VariantSpec("m3", "m3", new DistillationSettings(training, 0.2, 1, 0)),
                VariantSpec.defaults("m3"));
        assertEquals(new VariantSpec("m4", "m4", new EmbeddingOutputSettings(training, 0, 0)),
                VariantSpec.defaults("m4"));
        assertEquals(new VariantSpec("itemknn", "itemknn", new ItemKnnSettings(100, 20, 0.5)),
                VariantSpec.defaults("itemknn"));
        assertEquals(new VariantSpec("pop", "pop", NoSettings.NONE), VariantSpec.defaults("pop"));
        assertEquals(List.of(0), VariantSpec.defaults("pop").gruSizes());
        assertNull(SpecLoader.load(FRACTIONS).data().csv());
    }

    @Test
    void everyShippedSpecLoadsAndExpands() throws java.io.IOException {
        try (var specs = java.nio.file.Files.list(Path.of("experiments"))) {
            List<Path> yamls = specs.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            assertEquals(List.of("baselines.yaml", "fractions-gru1000.yaml", "fractions.yaml", "tune-m1.yaml",
                    "tuned-validation.yaml", "tuned.yaml"),
                    yamls.stream().map(p -> p.getFileName().toString()).toList());
            for (Path yaml : yamls) {
                String name = yaml.getFileName().toString();
                // specs with a search section are for the tune command; the tuned specs take their data files
                // from the command line
                ExperimentSpec spec = name.startsWith("tune-")
                        ? SpecLoader.loadTune(yaml, List.of(), null, java.util.Map.of()).base()
                        : SpecLoader.load(yaml, DATA_FLAGS.getOrDefault(name, List.of()), null);
                org.junit.jupiter.api.Assertions.assertFalse(GridExpander.expand(spec).isEmpty(), yaml.toString());
            }
        }
    }

    /**
     * tuned.yaml, with its data named on the command line, gives exactly the runs and configuration texts it gave
     * when it named the sample's files itself (tuned.runs), so that results it wrote are still found done.
     */
    @Test
    void tunedSpecWithItsDataOnTheCommandLineKeepsItsRuns() throws java.io.IOException {
        List<String> expected = java.nio.file.Files.readAllLines(Path.of("src/test/resources/specs/tuned.runs"));
        List<String> actual = GridExpander.expand(SpecLoader.load(Path.of("experiments/tuned.yaml"),
                DATA_FLAGS.get("tuned.yaml"), null)).stream().map(RunSpec::toString).toList();
        assertEquals(expected, actual);
        SpecException missing = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> SpecLoader.load(Path.of("experiments/tuned.yaml")));
        org.junit.jupiter.api.Assertions.assertTrue(missing.getMessage().contains("missing required key 'train'"),
                missing.getMessage());
    }

    /** How the README names the RSC15 sample's files for the tuned specs (they need not exist to be read). */
    private static final java.util.Map<String, List<String>> DATA_FLAGS = java.util.Map.of(
            "tuned.yaml", List.of("data.train=rsc15-100k/train_full.tsv", "data.test=rsc15-100k/test.tsv"),
            "tuned-validation.yaml", List.of("data.path=rsc15-100k/train_full.tsv"));
}
