package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.train.TrainingState;

/**
 * {@code refit: true}: early stopping picks the epoch count on the validation split exactly as without refit, then
 * a fresh model trains on all of the run's sequences for that many epochs, and that model is the one evaluated.
 */
@Tag("slow")
class RefitTest {
    private static final String SPEC = TinyExperiment.spec(10_000, "[1]", """
          - model: m1
            gru_sizes: [16]
            batch_size: 64
            learning_rate: 0.01
            max_epochs: 4
            patience: 1
          - model: m1
            label: refit
            gru_sizes: [16]
            batch_size: 64
            learning_rate: 0.01
            max_epochs: 4
            patience: 1
            refit: true
          - model: m3
            gru_sizes: [16]
            batch_size: 64
            learning_rate: 0.01
            max_epochs: 2
            patience: 1
            refit: true
        """);

    @TempDir
    Path root;
    @TempDir
    Path reference;
    @TempDir
    Path interrupted;

    private static final String RESUMED = TinyExperiment.spec(20_000, "[1]", """
          - model: m1
            gru_sizes: [16]
            batch_size: 32
            learning_rate: 0.01
            max_epochs: 4
            patience: 4
            refit: true
        """);

    private static List<String> curve(RunRecord r) {
        return r.history().stream().map(e -> e.epoch() + ":" + e.loss() + ":" + e.validationRecall() + ":"
                + e.validationMrr()).toList();
    }

    @Test
    void refitTrainsOnAllSequencesForTheEpochCountFoundOnValidation() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, SPEC);
        TinyExperiment.Result result = exp.runInProcess();
        assertEquals(0, result.code(), result.err());
        RunRecord plain = exp.record("m1-gru16-f1-s3");
        RunRecord refit = exp.record("refit-gru16-f1-s3");
        assertEquals(RunRecord.DONE, refit.status());

        // selection is untouched by the refit: the same epochs, validation curve and best epoch
        assertEquals(curve(plain), curve(refit));
        assertEquals(plain.bestEpoch(), refit.bestEpoch());
        assertEquals(Integer.toString(refit.bestEpoch()), refit.provenance().get("refit_epochs"));
        assertFalse(plain.provenance().containsKey("refit_epochs"));

        // the evaluated model saw the held-out sequences too, for exactly the epoch count found
        assertEquals(plain.trainSequences() + plain.validationSequences(), refit.trainSequences());
        assertEquals(plain.validationSequences(), refit.validationSequences());
        TrainingState state = TinyExperiment.stateOf(exp.runDir(refit.runId()).resolve("checkpoints")
                .resolve("refit")).orElseThrow();
        assertEquals(refit.bestEpoch(), state.epochsDone());
        assertNotEquals(plain.recall() + "/" + plain.mrr(), refit.recall() + "/" + refit.mrr(),
                "the refit model is another model than the early-stopped one");
        assertTrue(refit.recall() > 0.1, "the refit model learns: " + refit.recall());

        RunRecord m3 = exp.record("m3-gru16-f1-s3");
        assertEquals(RunRecord.DONE, m3.status());
        assertEquals(plain.trainSequences() + plain.validationSequences(), m3.trainSequences());
        assertEquals(Integer.toString(m3.bestEpoch()), m3.provenance().get("refit_epochs"));
    }

    @Test
    void ctrlCInsideTheRefitThenRerunEqualsAnUninterruptedRun() throws Exception {
        String run = "m1-gru16-f1-s3";
        TinyExperiment ref = new TinyExperiment(reference, RESUMED);
        assertEquals(0, ref.runInProcess().code());
        RunRecord expected = ref.record(run);
        assertTrue(Integer.parseInt(expected.provenance().get("refit_epochs")) >= 2, "a refit of several epochs");

        TinyExperiment exp = new TinyExperiment(interrupted, RESUMED);
        RunRecord actual = exp.ctrlCThenRerun(run, exp.runDir(run).resolve("checkpoints").resolve("refit"),
                java.time.Duration.ofSeconds(600));
        assertEquals(curve(expected), curve(actual));
        assertEquals(expected.recall(), actual.recall(), 0);
        assertEquals(expected.mrr(), actual.mrr(), 0);
    }
}
