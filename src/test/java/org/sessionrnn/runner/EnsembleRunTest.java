package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;

/**
 * The {@code ensemble} kind end to end on tiny synthetic data: it ranks by the mean of its members' softmax
 * probabilities, restored from the weights each member's own evaluation used, and writes the usual record and
 * ranks.
 */
class EnsembleRunTest {
    /** Two identical M1 variants (same settings and seed, different labels), a different m1plus, two ensembles. */
    private static final String SPEC = TinyExperiment.spec(6_000, "[1]", """
          - model: m1
            label: a
            gru_sizes: [16]
            max_epochs: 2
            patience: 2
          - model: m1
            label: b
            gru_sizes: [16]
            max_epochs: 2
            patience: 2
          - model: m1plus
            label: c
            gru_sizes: [8]
            max_epochs: 2
            patience: 2
            refit: true
          - model: ensemble
            label: same
            members: [a, b]
          - model: ensemble
            label: mixed
            members: [a, c]
        """);

    @Test
    void averagesTheMembersProbabilities(@TempDir Path root) throws Exception {
        TinyExperiment exp = new TinyExperiment(root, SPEC);
        TinyExperiment.Result result = exp.runInProcess();
        assertEquals(0, result.code(), result.out() + result.err());

        // a distribution averaged with itself is itself: the ranks of the member, tie modes and all
        RunRecord same = exp.record("same-f1-s3");
        assertEquals(RunStatus.DONE, same.status(), same.failure());
        RankFile.TargetRanks a = RankFile.read(exp.runDir("a-gru16-f1-s3").resolve(RankFile.FILE_NAME));
        RankFile.TargetRanks b = RankFile.read(exp.runDir("b-gru16-f1-s3").resolve(RankFile.FILE_NAME));
        RankFile.TargetRanks sameRanks = RankFile.read(exp.runDir("same-f1-s3").resolve(RankFile.FILE_NAME));
        assertArrayEquals(a.standard(), b.standard(), "identical members");
        assertArrayEquals(a.standard(), sameRanks.standard());
        assertArrayEquals(a.conservative(), sameRanks.conservative());
        assertEquals(exp.record("a-gru16-f1-s3").recall(), same.recall(), 0);
        assertEquals(exp.record("a-gru16-f1-s3").mrr(), same.mrr(), 0);
        assertEquals("a-gru16-f1-s3,b-gru16-f1-s3", same.provenance().get(EnsembleRun.MEMBERS_FACT));
        assertEquals(0, same.trainSeconds(), 0);
        assertTrue(same.history().isEmpty());
        assertEquals(0, same.gruSize());
        // on validation, the early-stopped members: a's own validation metrics of its best epoch
        RunRecord aRecord = exp.record("a-gru16-f1-s3");
        EpochRecord best = aRecord.history().stream().filter(e -> e.epoch() == aRecord.bestEpoch()).findFirst()
                .orElseThrow();
        assertEquals(best.validationRecall(),
                Double.parseDouble(same.provenance().get(EnsembleRun.VALIDATION_RECALL_FACT)), 0);
        assertEquals(best.validationMrr(),
                Double.parseDouble(same.provenance().get(EnsembleRun.VALIDATION_MRR_FACT)), 0);

        // a different pair: ranks as computed here from each member's scores, metrics those of the ranks
        RunRecord mixed = exp.record("mixed-f1-s3");
        assertEquals(RunStatus.DONE, mixed.status(), mixed.failure());
        RunRecord c = exp.record("c-gru8-f1-s3");
        assertTrue(c.provenance().containsKey(CheckpointedTraining.REFIT_EPOCHS), "c is refit");
        String cWeights = mixed.provenance().get(EnsembleRun.CHECKPOINT_FACT + "c-gru8-f1-s3");
        assertTrue(cWeights.endsWith(Path.of("checkpoints", "refit", "best").toString()), cWeights);
        String aWeights = mixed.provenance().get(EnsembleRun.CHECKPOINT_FACT + "a-gru16-f1-s3");
        assertTrue(aWeights.endsWith(Path.of("checkpoints", "best").toString()), aWeights);
        assertTrue(mixed.provenance().containsKey(EnsembleRun.VALIDATION_RECALL_FACT));
        RankFile.TargetRanks mixedRanks = RankFile.read(exp.runDir("mixed-f1-s3").resolve(RankFile.FILE_NAME));
        checkByHand(exp, List.of("a-gru16-f1-s3", "c-gru8-f1-s3"), List.of(aWeights, cWeights), mixedRanks);
        assertNotEquals(java.util.Arrays.toString(a.standard()), java.util.Arrays.toString(mixedRanks.standard()),
                "a different member changes the ranking");
        double hits = 0;
        double reciprocal = 0;
        for (int rank : mixedRanks.standard()) {
            hits += rank <= 20 ? 1 : 0;
            reciprocal += rank <= 20 ? 1.0 / rank : 0;
        }
        assertEquals(hits / mixedRanks.standard().length, mixed.recall(), 1e-12);
        assertEquals(reciprocal / mixedRanks.standard().length, mixed.mrr(), 1e-12);
        assertTrue(Files.readString(exp.dir().resolve("summary.csv")).contains("mixed-f1-s3"));

        // a second start skips the done ensembles like any run
        TinyExperiment.Result again = exp.runInProcess();
        assertEquals(0, again.code(), again.err());
        assertFalse(again.out().contains("mean of 2 members"), again.out());

        // an ensemble has no graph of its own: export names its members instead
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = org.sessionrnn.cli.Main.execute(new String[]{"export", exp.runDir("same-f1-s3").toString(), "--to",
                root.resolve("export").toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
                new java.io.PrintStream(err, true));
        String message = err.toString();
        assertEquals(org.sessionrnn.cli.Main.INPUT_ERROR, code, message);
        assertEquals(1, message.strip().lines().count(), message);
        assertTrue(message.contains("ensemble runs cannot be exported") && message.contains("runs/a-gru16-f1-s3")
                && message.contains("runs/b-gru16-f1-s3"), message);
        assertFalse(Files.exists(root.resolve("export")));
    }

    /** A member whose training diverged fails the ensemble with a message naming it; the grid goes on. */
    @Test
    void aFailedMemberFailsTheEnsemble(@TempDir Path root) throws Exception {
        TinyExperiment exp = new TinyExperiment(root, TinyExperiment.spec(6_000, "[1]", """
              - model: m1
                label: a
                gru_sizes: [16]
                max_epochs: 1
              - model: m1
                label: exploding
                gru_sizes: [16]
                learning_rate: 1.0e38
                max_epochs: 1
              - model: ensemble
                members: [a, exploding]
            """));
        TinyExperiment.Result result = exp.runInProcess();
        assertEquals(1, result.code(), result.err());
        assertEquals(RunStatus.FAILED, exp.record("exploding-gru16-f1-s3").status());
        RunRecord ensemble = exp.record("ensemble-f1-s3");
        assertEquals(RunStatus.FAILED, ensemble.status());
        assertTrue(ensemble.failure().contains("member run exploding-gru16-f1-s3 failed (TrainingDivergedException"),
                ensemble.failure());
        assertFalse(Files.exists(exp.runDir("ensemble-f1-s3").resolve(RankFile.FILE_NAME)));
    }

    /** Softmax of each member's scores in double, their mean, and the target's ranks counted here. */
    private static void checkByHand(TinyExperiment exp, List<String> ids, List<String> weights,
                                    RankFile.TargetRanks ranks) throws Exception {
        ExperimentSpec spec = SpecLoader.load(exp.dir().resolve("spec.yaml"), List.of(), exp.dir().getParent());
        Dataset data = new DataLoader(spec.output().resolve(".cache"), PreprocessListener.NONE).load(spec.data());
        SequenceSet test = data.testSequences();
        int items = data.items().size();
        int maxLength = spec.protocol().maxLength();
        int rows = Math.min(40, test.size());
        Batch batch = new Batch(rows, maxLength, items);
        int[] clicks = new int[maxLength];
        for (int i = 0; i < rows; i++) {
            batch.add(clicks, test.copyInput(i, maxLength, clicks, 0), test.label(i));
        }
        double[][] mean = new double[rows][items];
        for (int m = 0; m < ids.size(); m++) {
            String id = ids.get(m);
            RunSpec run = GridExpander.expand(spec).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
            try (NeuralModel model = NeuralModel.build(RunnableKind.of(run.variant().model())
                    .model(new ModelFactory(run, items, maxLength)))) {
                model.restore(Path.of(weights.get(m)));
                float[] scores = model.scores(batch);
                for (int r = 0; r < rows; r++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < items; i++) {
                        max = Math.max(max, scores[r * items + i]);
                    }
                    double sum = 0;
                    for (int i = 0; i < items; i++) {
                        sum += Math.exp(scores[r * items + i] - max);
                    }
                    for (int i = 0; i < items; i++) {
                        mean[r][i] += Math.exp(scores[r * items + i] - max) / sum / ids.size();
                    }
                }
            }
        }
        for (int r = 0; r < rows; r++) {
            double target = mean[r][test.label(r)];
            int higher = 0;
            int atLeast = 0;
            for (double p : mean[r]) {
                higher += p > target ? 1 : 0;
                atLeast += p >= target ? 1 : 0;
            }
            assertEquals(higher + 1, ranks.standard()[r], "standard rank of prefix " + r);
            assertEquals(atLeast, ranks.conservative()[r], "conservative rank of prefix " + r);
        }
    }

    /** m4 scores by cosine: preflight refuses it as a member before anything is written. */
    @Test
    void anM4MemberIsRefusedBeforeAnythingIsWritten(@TempDir Path root) throws Exception {
        TinyExperiment exp = new TinyExperiment(root, TinyExperiment.spec(6_000, "[1]", """
              - model: m1
                gru_sizes: [16]
                max_epochs: 1
              - model: m4
                gru_sizes: [16]
                max_epochs: 1
              - model: ensemble
                members: [m1, m4]
            """));
        TinyExperiment.Result result = exp.runInProcess();
        assertEquals(org.sessionrnn.cli.Main.INPUT_ERROR, result.code(), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("variants.ensemble.members: member 'm4' scores items by cosine"),
                result.err());
        assertFalse(Files.exists(exp.dir().resolve("runs")));
    }

    /**
     * A worker that reaches the ensemble while another live worker holds a member waits for it (saying so), then
     * ranks with the member's weights once its record is done.
     */
    @Test
    void waitsForAMemberAnotherWorkerHolds(@TempDir Path root) throws Exception {
        String members = TinyExperiment.spec(6_000, "[1]", """
              - model: m1
                label: a
                gru_sizes: [8]
                max_epochs: 1
              - model: m1
                label: b
                gru_sizes: [8]
                max_epochs: 1
            """);
        TinyExperiment exp = new TinyExperiment(root, members);
        assertEquals(0, exp.runInProcess().code());
        Files.writeString(exp.specFile(), members + """
              - model: ensemble
                members: [a, b]
            """);
        String member = "b-gru8-f1-s3";
        Path record = exp.markRunning(member);
        try (Heartbeat beat = new Heartbeat(Duration.ofSeconds(30));
             ClaimBoard other = new ClaimBoard(exp.dir(), WorkerId.create(), new Shard(1, 2),
                     Duration.ofMinutes(10), beat)) {
            assertTrue(other.tryClaim(member).acquired());
            Thread finisher = new Thread(() -> {
                try {
                    Thread.sleep(4_000);
                    Files.writeString(record, Files.readString(record).replace("\"status\" : \"running\"",
                            "\"status\" : \"done\""));
                    other.release(member);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            finisher.start();
            TinyExperiment.Result result = exp.runInProcess();
            finisher.join();
            assertEquals(0, result.code(), result.out() + result.err());
            assertTrue(result.out().contains("[ensemble-f1-s3] waiting for member " + member + ", run by"),
                    result.out());
        }
        assertEquals(RunStatus.DONE, exp.record("ensemble-f1-s3").status());
    }
}
