package org.sessionrnn.runner;

import java.util.List;
import org.sessionrnn.eval.RankingMetrics;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.results.EpochRecord;

/** Builds the {@link RunRecord} of a run in each of its states. */
final class RunRecords {
    private RunRecords() {
    }

    static RunRecord running(String experiment, RunSpec run, ExperimentData data, RunProvenance provenance) {
        return record(experiment, run, data, RunRecord.RUNNING, null, null, provenance);
    }

    static RunRecord failed(String experiment, RunSpec run, ExperimentData data, String reason,
                            RunProvenance provenance) {
        return record(experiment, run, data, RunRecord.FAILED, reason, null, provenance);
    }

    static RunRecord done(String experiment, RunSpec run, ExperimentData data, RunOutcome outcome,
                          RunProvenance provenance) {
        return record(experiment, run, data, RunRecord.DONE, null, outcome, provenance);
    }

    private static RunRecord record(String experiment, RunSpec run, ExperimentData data, String status,
                                    String failure, RunOutcome o, RunProvenance provenance) {
        RunProvenance facts = provenance;
        double nan = Double.NaN;
        if (o == null) {
            return new RunRecord(experiment, run.id(), run.variant().label(), run.variant().model(), run.gruSize(),
                    run.fraction().label(), run.seed(), status, failure, nan, nan, nan, nan, 0, data.items(), 0, 0,
                    data.test().size(), 0, 0, nan, nan, 0, nan, nan, List.of(), facts);
        }
        facts = facts.withFacts(o.facts());
        RankingMetrics m = o.test().metrics();
        List<EpochRecord> history = o.history();
        double predictMean = o.timing() == null ? nan : o.timing().meanMs();
        double predictSd = o.timing() == null ? nan : o.timing().sdMs();
        return new RunRecord(experiment, run.id(), run.variant().label(), run.variant().model(), run.gruSize(),
                run.fraction().label(), run.seed(), status, failure, m.recall(), m.mrr(), m.recallConservative(),
                m.mrrConservative(), m.cutoff(), data.items(), o.trainSequences(), o.validationSequences(),
                m.count(), history.size(), o.bestEpoch(), o.trainSeconds(), o.test().seconds(), o.params(),
                predictMean, predictSd, history, facts);
    }
}
