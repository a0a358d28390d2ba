package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.SequenceBuilder;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.Evaluator;
import org.sessionrnn.eval.ModelRanker;
import org.sessionrnn.eval.ValidationRanking;
import org.sessionrnn.export.ExportedModel;
import org.sessionrnn.model.ModelParts;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxLoss;
import org.sessionrnn.model.TrainingOptions;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.Fraction;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;
import org.sessionrnn.spec.VariantSpec;
import org.sessionrnn.train.PlantedSessions;
import org.sessionrnn.train.Trainer;
import org.sessionrnn.train.TrainingConfig;

/**
 * A neural kind defined by one constant and its forward block ({@link NarmKind}, {@link AttentionBlock}) learns,
 * runs through the runner's shared training-graph builder, and exports through its own block: the export ranks
 * every test prefix's target where the runner's evaluation ranked it. Like {@link AddingAModelKindTest}'s toy,
 * it is registered only on the class path of the runners this test starts.
 */
class AddingANeuralKindTest {
    private static final int ITEMS = 60;
    private static final int STEPS = 19;
    private static final String SPEC = """
            name: narm
            seeds: [5]
            data:
              synthetic: {clicks: 8000, items: 120, clusters: 6, days: 6, seed: 5}
            protocol:
              fractions: [1]
            variants:
              - model: narm
                gru_sizes: [16]
                learning_rate: 0.01
                max_epochs: 4
                patience: 4
              - model: pop
            """;

    /** The next click is a fixed permutation of the last one: a working model nails it. */
    @Test
    void itLearnsAPlantedTransitionPattern() {
        SequenceSet all = PlantedSessions.prefixes(PlantedSessions.table(600, ITEMS, 1));
        SequenceSet train = all.range(0, all.size() * 9 / 10);
        SequenceSet validation = all.range(all.size() * 9 / 10, all.size());
        SequenceSet test = PlantedSessions.prefixes(PlantedSessions.table(100, ITEMS, 2));
        TrainingConfig config = new TrainingConfig(64, 0.01f, 6, 6, 0, STEPS, 20, 7);
        ModelParts parts = new ModelParts(ITEMS, STEPS, 7, AttentionBlock.maker(ITEMS, 16, 32), SoftmaxLoss::new,
                TrainingOptions.ADAM);
        try (NeuralModel model = NeuralModel.build(parts)) {
            new Trainer(config, List.of(), new ValidationRanking(config)).fit(model, train, validation, ITEMS);
            EvaluationResult r = new Evaluator(20).evaluate(new ModelRanker(model, 64, STEPS, ITEMS), test);
            assertTrue(r.metrics().recall() >= 0.9, "Recall@20 " + r.metrics().recall());
            assertTrue(r.metrics().mrr() >= 0.5, "MRR@20 " + r.metrics().mrr());
        }
    }

    @Test
    void itRunsThroughTheRunnerAndItsExportRanksAsTheRunnerEvaluated(@TempDir Path dir) throws Exception {
        Path specFile = dir.resolve("narm.yaml");
        Files.writeString(specFile, SPEC);
        Path out = dir.resolve("out");
        String log = runWithNarm(dir, specFile.toString(), "--output", out.toString());
        Path experiment = out.resolve("narm");
        RunRecord narm = RunRecordIo.read(experiment.resolve("runs/narm-gru16-f1-s5").resolve(RunRecordIo.FILE_NAME));
        RunRecord pop = RunRecordIo.read(experiment.resolve("runs/pop-f1-s5").resolve(RunRecordIo.FILE_NAME));
        assertEquals(RunRecord.DONE, narm.status(), narm.failure() + log);
        assertTrue(narm.recall() > pop.recall() + 0.1, "narm " + narm.recall() + ", pop " + pop.recall());

        Path runDir = experiment.resolve("runs").resolve(narm.runId());
        int items = narm.items();
        Path export = dir.resolve("export");
        runWithNarm(dir, "export", runDir.toString(), "--to", export.toString(), "--top", Integer.toString(items));
        // the same data section without the kind this JVM does not know
        Path popSpec = dir.resolve("pop.yaml");
        Files.writeString(popSpec, SPEC.substring(0, SPEC.indexOf("  - model: narm")) + "  - model: pop\n");
        ExperimentSpec spec = SpecLoader.load(popSpec, List.of(), out);
        SequenceSet test = SequenceBuilder.inSessionOrder(new DataLoader(spec.output().resolve(".cache"),
                PreprocessListener.NONE).load(spec.data()).test());
        RankFile.TargetRanks ranks = RankFile.read(runDir.resolve(RankFile.FILE_NAME));
        assertEquals(test.size(), ranks.standard().length);
        int[] padded = new int[test.size() * STEPS];
        Arrays.fill(padded, -1);
        int[] clicks = new int[STEPS];
        for (int i = 0; i < test.size(); i++) {
            int n = test.copyInput(i, STEPS, clicks, 0);
            System.arraycopy(clicks, 0, padded, i * STEPS + STEPS - n, n);
        }
        try (ExportedModel exported = ExportedModel.load(export)) {
            assertEquals("logit", exported.manifest().score());
            int[] ranking = exported.predict(padded, test.size()).index();
            for (int i = 0; i < test.size(); i++) {
                int position = 1 + indexOf(ranking, i * items, items, test.label(i));
                assertTrue(ranks.standard()[i] <= position && position <= ranks.conservative()[i], "prefix " + i
                        + ": the export ranks the target " + position + ", the runner " + ranks.standard()[i] + ".."
                        + ranks.conservative()[i]);
            }
        }
    }

    /**
     * Runs the command line in a new JVM whose class path adds the kind's service registration, as an extension
     * would be registered (this JVM knows only the project's kinds); fails unless it exits 0. Returns its output.
     */
    private static String runWithNarm(Path dir, String... args) throws Exception {
        ExtensionRunner.Run run = ExtensionRunner.run(dir, NarmKind.Catalogue.class, args);
        assertEquals(0, run.code(), run.log());
        return run.log();
    }

    private static int indexOf(int[] a, int from, int n, int value) {
        for (int j = 0; j < n; j++) {
            if (a[from + j] == value) {
                return j;
            }
        }
        throw new AssertionError(value + " is not in the exported ranking");
    }

    /** Settings of a kind without a graph cannot become model options: refused, not silently M1's. */
    @Test
    void theFactoryRefusesSettingsItDoesNotKnow() {
        RunSpec pop = new RunSpec("pop-f1-s1", VariantSpec.defaults("pop"), 0, Fraction.ONE, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ModelFactory(pop, 10, 19));
        assertTrue(e.getMessage().contains("NoSettings") && e.getMessage().contains("'pop'"), e.getMessage());
    }
}
