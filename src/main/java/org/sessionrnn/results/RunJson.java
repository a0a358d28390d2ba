package org.sessionrnn.results;

import java.util.List;

/**
 * The fields of {@code run.json} in file order, flat, as every version has written them: kept apart from
 * {@link RunRecord} so that the file's layout stays as it is however the record is shaped. Numbers not measured
 * are NaN here (written {@code null}) or 0.
 */
record RunJson(String experiment, String runId, String variant, String model, int gruSize, String fraction,
               long seed, String status, String failure, double recall, double mrr, double recallConservative,
               double mrrConservative, int cutoff, int items, long trainSequences, long validationSequences,
               long testSequences, int epochs, int bestEpoch, double trainSeconds, double evalSeconds, long params,
               double predictMsMean, double predictMsSd, List<EpochRecord> history, RunProvenance provenance) {
    static RunJson of(RunRecord r) {
        return new RunJson(r.experiment(), r.runId(), r.variant(), r.model(), r.gruSize(), r.fraction(), r.seed(),
                r.status().text(), r.failure(), r.recall(), r.mrr(), r.recallConservative(), r.mrrConservative(),
                r.cutoff(), r.items(), r.trainSequences(), r.validationSequences(), r.testSequences(), r.epochs(),
                r.bestEpoch(), r.trainSeconds(), r.evalSeconds(), r.params(), r.predictMsMean(), r.predictMsSd(),
                r.history(), r.provenance());
    }

    RunRecord toRecord() {
        RunStatus s = RunStatus.parse(status).orElseThrow();
        RunRecord.Training training = s != RunStatus.DONE ? null : new RunRecord.Training(trainSequences,
                validationSequences, epochs, bestEpoch, trainSeconds, params);
        RunRecord.Latency latency = Double.isNaN(predictMsMean) ? null
                : new RunRecord.Latency(predictMsMean, predictMsSd);
        RunRecord.Evaluation evaluation = Double.isNaN(recall) ? null : new RunRecord.Evaluation(cutoff,
                testSequences, recall, mrr, recallConservative, mrrConservative, evalSeconds, latency);
        return new RunRecord(experiment, runId, variant, model, gruSize, fraction, seed, s, failure, items,
                training, evaluation, history, provenance);
    }
}
