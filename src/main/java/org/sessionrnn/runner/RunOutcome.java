package org.sessionrnn.runner;

import java.util.List;
import java.util.Map;
import org.sessionrnn.eval.EvaluationResult;
import org.sessionrnn.eval.PredictionTimer;
import org.sessionrnn.results.EpochRecord;

/**
 * What a finished run produced.
 *
 * @param test                test evaluation (metrics and per-prefix ranks)
 * @param trainSequences      sequences trained on
 * @param validationSequences sequences held out for early stopping
 * @param history             per-epoch stats (empty for baselines)
 * @param bestEpoch           epoch whose weights were evaluated (0 for baselines)
 * @param trainSeconds        training wall time of every model the run trained (fitting, for baselines)
 * @param params              parameters used at prediction time (0 for baselines)
 * @param timing              batch prediction time, null when not measured
 * @param facts               variant-specific provenance, e.g. the pre-trained model an M2 run started from
 */
public record RunOutcome(EvaluationResult test, long trainSequences, long validationSequences,
                         List<EpochRecord> history, int bestEpoch, double trainSeconds, long params,
                         PredictionTimer.Timing timing, Map<String, String> facts) {
    /** This outcome with {@code seconds} more training time: a model trained before the one evaluated. */
    RunOutcome plusTrainSeconds(double seconds) {
        return new RunOutcome(test, trainSequences, validationSequences, history, bestEpoch, trainSeconds + seconds,
                params, timing, facts);
    }
}
