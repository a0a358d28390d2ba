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
            case "m4" -> new EmbeddingOutputSettings(fast, 0, 0, 0);
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
        assertEquals(new VariantSpec("m1", "m1", new SoftmaxSettings(training, 0, 0, false, Optimizer.ADAM, 0, 0, 0)),
                VariantSpec.defaults("m1"));
        assertEquals(new VariantSpec("m1plus", "m1plus", new SoftmaxSettings(training, 0.6, 0, true, Optimizer.ADAM, 0, 0, 0)),
                VariantSpec.defaults("m1plus"));
        assertEquals(new VariantSpec("m3", "m3", new DistillationSettings(training, 0.2, 1, 0)),
                VariantSpec.defaults("m3"));
        assertEquals(new VariantSpec("m4", "m4", new EmbeddingOutputSettings(training, 0, 0, 0)),
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
            assertEquals(List.of("baselines.yaml", "benchmark.yaml", "figure4-rsc15.yaml", "fractions-gru1000.yaml",
                    "fractions.yaml", "tune-m1.yaml", "tuned-validation.yaml", "tuned.yaml"),
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

    /**
     * benchmark.yaml: every model on SR-GNN's files beside the leaderboard its data matches; the paper's M1 at its
     * defaults, and the tuned variants as tuned.yaml chose them on the RSC15 sample's validation split, plus what
     * YOOCHOOSE 1/64's validation chose: a sampled softmax for the softmax variants, GRU 200 and click deletion 0.1
     * for m1norm; and m1norm with a repeat term.
     */
    @Test
    void benchmarkSpecRunsThePapersM1TheTunedVariantsAndTheBaselines() {
        ExperimentSpec spec = SpecLoader.load(Path.of("experiments/benchmark.yaml"));
        assertEquals("srgnn", spec.data().source());
        assertEquals(ProtocolSpec.AUTO_LEADERBOARD, spec.protocol().leaderboard());
        assertEquals(List.of(1L, 2L, 3L), spec.seeds());
        List<String> seedOne = GridExpander.expand(spec).stream().map(RunSpec::id).filter(id -> id.endsWith("-s1"))
                .toList();
        assertEquals(List.of("m1paper-gru100-f1-s1", "m1-gru100-f1-s1", "m2-gru100-f1_4-s1", "m3-gru100-f1-s1",
                "m4-gru100-f1-s1", "m1plus-gru100-f1-s1", "m1norm-gru200-f1-s1", "m1repeat-gru200-f1-s1",
                "ensemble-f1-s1", "pop-f1-s1", "spop-f1-s1", "itemknn-f1-s1"), seedOne);
        assertEquals(36, GridExpander.expand(spec).size());
        // the ensemble of every tuned softmax variant, not of a subset
        assertEquals(List.of("m1-gru100-f1-s1", "m1plus-gru100-f1-s1", "m1norm-gru200-f1-s1", "m1repeat-gru200-f1-s1"),
                GridExpander.members(spec, GridExpander.expand(spec).stream()
                        .filter(r -> r.id().equals("ensemble-f1-s1")).findFirst().orElseThrow())
                        .stream().map(RunSpec::id).toList());
        VariantSpec paper = spec.variants().get(0);
        assertEquals(VariantSpec.defaults("m1").settings(), paper.settings());
        List<String> flags = new java.util.ArrayList<>(DATA_FLAGS.get("tuned.yaml"));
        for (String sampled : List.of("m1", "m2", "m4", "m1plus", "m1norm")) {
            flags.add("variants." + sampled + ".sampled_negatives=2048");
        }
        flags.add("variants.m1norm.gru_sizes=[200]");
        flags.add("variants.m1norm.embedding_dropout=0.1");
        ExperimentSpec tuned = SpecLoader.load(Path.of("experiments/tuned.yaml"), flags, null);
        for (String label : List.of("m1", "m2", "m3", "m4", "m1plus", "m1norm")) {
            assertEquals(variant(tuned, label).toString(), variant(spec, label).toString(), label);
        }
        // m1repeat: m1norm as above with the repeat term, nothing else changed
        flags.add("variants.m1norm.repeat_window=5");
        ExperimentSpec withRepeat = SpecLoader.load(Path.of("experiments/tuned.yaml"), flags, null);
        assertEquals(variant(withRepeat, "m1norm").settings(), variant(spec, "m1repeat").settings());
        // any other SR-GNN-protocol folder needs only its two files named
        ExperimentSpec other = SpecLoader.load(Path.of("experiments/benchmark.yaml"),
                List.of("data.train=elsewhere/train.txt", "data.test=elsewhere/test.txt"), null);
        assertEquals(Path.of("elsewhere/train.txt"), other.data().train());
        assertEquals(spec.variants(), other.variants());
        assertEquals(spec.protocol(), other.protocol());
    }

    /** figure4-rsc15.yaml: M1-M4 at the paper's settings on 1/4 and all of files holding 1/64 of RSC15. */
    @Test
    void figure4OnRsc15LabelsItsFractionsAsSharesOfTheFullData() {
        ExperimentSpec spec = SpecLoader.load(Path.of("experiments/figure4-rsc15.yaml"));
        assertEquals(new Fraction(1, 64), spec.protocol().dataFraction());
        assertEquals(List.of(new Fraction(1, 4), Fraction.ONE), spec.protocol().fractions());
        assertEquals(List.of("m1", "m2", "m3", "m4", "pop", "spop", "itemknn"),
                spec.variants().stream().map(VariantSpec::label).toList());
        for (String model : List.of("m1", "m2", "m3", "m4")) {
            assertEquals(VariantSpec.defaults(model), variant(spec, model));
        }
    }

    private static VariantSpec variant(ExperimentSpec spec, String label) {
        return spec.variants().stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow();
    }
}
