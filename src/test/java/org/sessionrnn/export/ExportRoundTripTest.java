package org.sessionrnn.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.runner.CheckpointedTraining;
import org.sessionrnn.runner.ModelFactory;
import org.sessionrnn.runner.ModelKind;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.TrainingOptions;
import org.sessionrnn.model.EmbeddingCosineBlock;

/**
 * An exported model (M1, M3's student, M4, m1plus tied and untied, m1norm with and without a repeat term), loaded
 * through a fresh SavedModelBundle, returns for 200 test prefixes exactly the top-20 the runner's own model returns (restored from the same
 * checkpoint), and puts the target where the runner's evaluation ranked it (ranks.bin); {@code recommend} in a
 * fresh JVM (tagged slow: it starts one) returns the same top-20.
 */
@Tag("floats")
class ExportRoundTripTest {
    private static final int PREFIXES = 200;
    private static final int K = 20;

    @Test
    void m1ExportMatchesTheRunnersTopTwentyAndRanks() throws Exception {
        check(TinyModels.M1);
    }

    @Test
    void m4ExportMatchesTheRunnersTopTwentyAndRanks() throws Exception {
        check(TinyModels.M4);
    }

    @Test
    void m3StudentExportMatchesTheRunnersTopTwentyAndRanks() throws Exception {
        check(TinyModels.M3);
    }

    /** m1plus's default: the output kernel is the input embedding, output dropout is off at inference. */
    @Test
    void m1plusTiedExportMatchesTheRunnersTopTwentyAndRanks() throws Exception {
        check(TinyModels.M1PLUS);
        ModelManifest manifest = ModelManifest.read(TinyModels.get().exported(TinyModels.M1PLUS, K).resolve("1"));
        assertEquals(16, manifest.json().path("embedding").asInt(), "a tied embedding has the GRU's size");
        assertTrue(manifest.json().path("tied_embedding").asBoolean());
        try (org.tensorflow.SavedModelBundle bundle = org.tensorflow.SavedModelBundle.load(
                TinyModels.get().exported(TinyModels.M1PLUS, K).resolve("1").toString(), "serve")) {
            assertTrue(bundle.graph().operation("output/kernel") != null);
            assertEquals(null, bundle.graph().operation("encoder/embedding"), "a tied export has no own embedding");
        }
    }

    @Test
    void refitM1ExportHoldsTheRefitWeightsTheRunnerEvaluated() throws Exception {
        Path checkpoints = TinyModels.get().runDir(TinyModels.M1_REFIT).resolve("checkpoints");
        assertTrue(Files.exists(checkpoints.resolve("refit").resolve("best.index")), "the run was refit");
        check(TinyModels.M1_REFIT);
    }

    /** m1norm: the export normalises the session vector and the output columns as training did. */
    @Test
    void m1normExportMatchesTheRunnersTopTwentyAndRanks() throws Exception {
        check(TinyModels.M1NORM);
    }

    /**
     * m1norm with a repeat term: the export reads the last clicks from its padded input as the runner's packed
     * input fed them, and adds the same learnt scores.
     */
    @Test
    void m1normRepeatExportMatchesTheRunnersTopTwentyAndRanks() throws Exception {
        check(TinyModels.M1NORM_REPEAT);
    }

    @Test
    void m1plusUntiedExportMatchesTheRunnersTopTwentyAndRanks() throws Exception {
        check(TinyModels.M1PLUS_UNTIED);
    }

    /**
     * The export loaded in a fresh JVM by {@code recommend}: raw item ids in, raw ids out, the same top-20 as
     * the runner's model for the same 200 prefixes.
     */
    @Test
    @Tag("slow")
    void recommendInAFreshJvmReturnsTheRunnersTopTwenty() throws Exception {
        recommendInAFreshJvm(TinyModels.M1);
    }

    @Test
    @Tag("slow")
    void recommendInAFreshJvmReturnsTheRunnersTopTwentyForTiedM1plus() throws Exception {
        recommendInAFreshJvm(TinyModels.M1PLUS);
    }

    private void recommendInAFreshJvm(String runId) throws Exception {
        TinyModels tiny = TinyModels.get();
        Path dir = tiny.exported(runId, K);
        SequenceSet test = tiny.testPrefixes();
        ExportSource source = RunExport.of(tiny.runDir(runId));
        int steps = source.steps();
        Batch batch = new Batch(PREFIXES, steps, source.items());
        int[] clicks = new int[steps];
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < PREFIXES; i++) {
            int n = test.copyInput(i, steps, clicks, 0);
            batch.add(clicks, n, test.label(i));
            for (int j = 0; j < n; j++) {
                lines.append(j == 0 ? "" : " ").append(source.itemIds()[clicks[j]]);
            }
            lines.append('\n');
        }
        int[] runnerTop = new int[PREFIXES * K];
        try (SessionModel model = runnersModel(runId, tiny, source)) {
            model.predictTopK(batch, K, runnerTop);
        }
        Path input = tiny.root().resolve(runId + "-prefixes.txt");
        java.nio.file.Files.writeString(input, lines);
        Path output = tiny.root().resolve(runId + "-recommended.csv");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                org.sessionrnn.cli.Main.class.getName(), "recommend", dir.toString(), "--input", input.toString(),
                "-k", Integer.toString(K), "--format", "csv");
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        Process p = pb.redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "recommend did not finish");
        assertEquals(0, p.exitValue());
        java.util.List<String> rows = java.nio.file.Files.readAllLines(output);
        assertEquals("line,items,scores,skipped,fallback", rows.get(0));
        assertEquals(PREFIXES + 1, rows.size());
        for (int i = 0; i < PREFIXES; i++) {
            String[] cols = rows.get(i + 1).split(",", -1);
            assertEquals(Integer.toString(i + 1), cols[0]);
            long[] ids = java.util.Arrays.stream(cols[1].split(" ")).mapToLong(Long::parseLong).toArray();
            float[] scores = new float[K];
            String[] scoreText = cols[2].split(" ");
            for (int j = 0; j < K; j++) {
                scores[j] = Float.parseFloat(scoreText[j]);
            }
            long[] expected = new long[K];
            for (int j = 0; j < K; j++) {
                expected[j] = source.itemIds()[runnerTop[i * K + j]];
            }
            // two graphs (the runner's, the SavedModel's) may sum in different orders: near-ties may swap
            TopLists.assertSameUpToTies(expected, ids, scores, "prefix " + i);
        }
    }

    /**
     * What the SavedModel declares, read back from a fresh load: tag, signature key, method name, the one input
     * and three outputs, and a graph with one placeholder and no optimiser or training ops.
     */
    @Test
    void theSavedModelHoldsInferenceOnlyBehindAServingSignature() throws Exception {
        Path version = TinyModels.get().exported(TinyModels.M4, K).resolve("1");
        try (org.tensorflow.SavedModelBundle bundle = org.tensorflow.SavedModelBundle.load(version.toString(), "serve")) {
            var meta = bundle.metaGraphDef();
            assertEquals(java.util.List.of("serve"), meta.getMetaInfoDef().getTagsList());
            var sig = meta.getSignatureDefOrThrow("serving_default");
            assertEquals("tensorflow/serving/predict", sig.getMethodName());
            assertEquals(java.util.Set.of("items"), sig.getInputsMap().keySet());
            assertEquals(java.util.Set.of("item_index", "item_id", "score"), sig.getOutputsMap().keySet());
            assertEquals(org.tensorflow.proto.DataType.DT_INT32, sig.getInputsOrThrow("items").getDtype());
            assertEquals(org.tensorflow.proto.DataType.DT_INT64, sig.getOutputsOrThrow("item_id").getDtype());
            java.util.List<String> placeholders = new java.util.ArrayList<>();
            java.util.List<String> trainingOps = new java.util.ArrayList<>();
            bundle.graph().operations().forEachRemaining(op -> {
                String name = op.name().toLowerCase(java.util.Locale.ROOT);
                if (op.type().equals("Placeholder") && !name.startsWith("save")) {
                    placeholders.add(op.name());
                }
                if (name.contains("adam") || name.contains("grad") || name.contains("label") || name.contains("seed")
                        || op.type().startsWith("Apply") || op.type().startsWith("StatelessRandom")) {
                    trainingOps.add(op.name() + ":" + op.type());
                }
            });
            assertEquals(java.util.List.of("items"), placeholders);
            assertEquals(java.util.List.of(), trainingOps);
        }
    }

    private void check(String runId) throws Exception {
        TinyModels tiny = TinyModels.get();
        Path dir = tiny.exported(runId, K);
        SequenceSet test = tiny.testPrefixes();
        assertTrue(test.size() >= PREFIXES, "only " + test.size() + " test prefixes");
        ExportSource source = RunExport.of(tiny.runDir(runId));
        int steps = source.steps();
        int items = source.items();
        Batch batch = new Batch(PREFIXES, steps, items);
        int[] padded = new int[PREFIXES * steps];
        java.util.Arrays.fill(padded, -1);
        int[] clicks = new int[steps];
        for (int i = 0; i < PREFIXES; i++) {
            int n = test.copyInput(i, steps, clicks, 0);
            batch.add(clicks, n, test.label(i));
            System.arraycopy(clicks, 0, padded, i * steps + steps - n, n);
        }
        int[] runnerTop = new int[PREFIXES * K];
        try (SessionModel model = runnersModel(runId, tiny, source)) {
            model.predictTopK(batch, K, runnerTop);
        }
        int[] exportedTop;
        float[] exportedScores;
        try (ExportedModel exported = ExportedModel.load(dir)) {
            assertEquals(ExportLayout.METHOD, exported.signature().methodName());
            ExportedModel.Prediction p = exported.predict(padded, PREFIXES);
            exportedTop = p.index();
            exportedScores = p.scores();
        }
        // two graphs (the runner's, the SavedModel's) may sum in different orders: near-ties may swap
        for (int i = 0; i < PREFIXES; i++) {
            TopLists.assertSameUpToTies(java.util.Arrays.copyOfRange(runnerTop, i * K, i * K + K),
                    java.util.Arrays.copyOfRange(exportedTop, i * K, i * K + K),
                    java.util.Arrays.copyOfRange(exportedScores, i * K, i * K + K), "top-20 of prefix " + i);
        }
        RankFile.TargetRanks ranks = RankFile.read(tiny.runDir(runId).resolve(RankFile.FILE_NAME));
        int inTop = 0;
        for (int i = 0; i < PREFIXES; i++) {
            int position = 0;
            for (int j = 0; j < K; j++) {
                if (exportedTop[i * K + j] == test.label(i)) {
                    position = j + 1;
                }
            }
            int standard = ranks.standard()[i];
            int conservative = ranks.conservative()[i];
            // ranks.bin comes from the evaluation's graph: items near-tied with the target may fall either side
            int slack = nearTies(exportedScores, i * K, position > 0 ? position - 1 : K - 1);
            if (position > 0) {
                inTop++;
                assertTrue(standard - slack <= position && position <= conservative + slack, "prefix " + i
                        + ": at " + position + ", ranks.bin says " + standard + ".." + conservative);
            } else {
                assertTrue(conservative + slack > K, "prefix " + i + ": absent, ranks.bin says " + standard);
            }
        }
        assertTrue(inTop > PREFIXES / 10, "the model hardly learnt anything: " + inTop + " hits");
    }

    /** How many of the {@code K} scores from {@code from} are, apart from the one at {@code j}, close to it. */
    private static int nearTies(float[] scores, int from, int j) {
        int n = 0;
        for (int x = 0; x < K; x++) {
            n += x != j && TopLists.close(scores[from + x], scores[from + j]) ? 1 : 0;
        }
        return n;
    }

    /** The runner's model class with the run's best weights. */
    private static SessionModel runnersModel(String runId, TinyModels tiny, ExportSource s) throws IOException {
        Path best = CheckpointedTraining.evaluatedWeights(tiny.runDir(runId).resolve("checkpoints"),
                RunRecordIo.read(tiny.runDir(runId).resolve(RunRecordIo.FILE_NAME)).provenance());
        if (!runId.equals(TinyModels.M4)) {
            // M1, m1plus and m1norm as their kind builds them; M3's student as an M1 with its options (the same
            // graph and variable names; the teacher's are not needed to predict)
            ModelFactory factory = new ModelFactory(tiny.runSpec(runId), s.items(), s.steps());
            String model = tiny.runSpec(runId).variant().model();
            NeuralModel m = NeuralModel.build(model.equals(ModelKind.M3.id()) ? factory.softmaxVariant()
                    : java.util.Arrays.stream(ModelKind.values()).filter(k -> k.id().equals(model)).findFirst()
                    .orElseThrow().model(factory));
            m.restore(best);
            return m;
        }
        Path pretrained = tiny.runDir(TinyModels.M1).resolve("checkpoints").resolve("best");
        SoftmaxWeights w = SoftmaxWeights.load(pretrained, s.items(), s.embedding(), s.gru());
        NeuralModel m = NeuralModel.build(EmbeddingCosineBlock.parts(s.items(), s.embedding(), s.gru(), s.gru(), s.steps(), 0, w, TrainingOptions.ADAM));
        m.restore(best);
        return m;
    }
}
