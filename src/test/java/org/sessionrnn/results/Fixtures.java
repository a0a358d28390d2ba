package org.sessionrnn.results;

import org.sessionrnn.runner.CheckpointedTraining;

import java.util.List;
import java.util.Map;

/** Hand-made run records for the report tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A done run with the given identity and metrics; other fields fixed. */
    public static RunRecord run(String variant, String model, int gruSize, String fraction, long seed, double recall,
                         double mrr) {
        String id = variant + "-" + gruSize + "-" + fraction.replace('/', '_') + "-s" + seed;
        RunProvenance provenance = RunProvenance.fromMap(Map.of("git_commit", "abc"));
        return RunRecord.running("exp", id, variant, model, gruSize, fraction, seed, 1000, provenance).done(
                new RunRecord.Training(5000, 500, 3, 2, 12.5, 1234L),
                new RunRecord.Evaluation(20, 300, recall, mrr, recall - 0.01, mrr - 0.01, 1.5,
                        new RunRecord.Latency(4.0, 0.5)),
                List.of(new EpochRecord(1, 6.0, recall - 0.1, mrr - 0.05, 4.0, 1000),
                        new EpochRecord(2, 5.0, recall, mrr, 4.0, 1100)), provenance);
    }

    /** A running run: nothing measured, no history. */
    public static RunRecord running(String variant, int gruSize, String fraction) {
        return RunRecord.running("exp", variant + "-running", variant, variant, gruSize, fraction, 1, 1000,
                RunProvenance.EMPTY);
    }

    /** {@code r} over another catalogue, trained and evaluated as given. */
    public static RunRecord with(RunRecord r, int items, RunRecord.Training training,
                                 RunRecord.Evaluation evaluation) {
        return new RunRecord(r.experiment(), r.runId(), r.variant(), r.model(), r.gruSize(), r.fraction(), r.seed(),
                r.status(), r.failure(), items, training, evaluation, r.history(), r.provenance());
    }

    /** {@code r} refit for {@code epochs} epochs, as its provenance records it. */
    public static RunRecord refit(RunRecord r, int epochs) {
        return new RunRecord(r.experiment(), r.runId(), r.variant(), r.model(), r.gruSize(), r.fraction(), r.seed(),
                r.status(), r.failure(), r.items(), r.training(), r.evaluation(), r.history(),
                r.provenance().withFacts(Map.of(CheckpointedTraining.REFIT_EPOCHS, Integer.toString(epochs))));
    }

    /** {@code r} with another test evaluation. */
    public static RunRecord with(RunRecord r, RunRecord.Evaluation evaluation) {
        return with(r, r.items(), r.training(), evaluation);
    }
}
