package org.sessionrnn.results;

import java.util.List;

/**
 * Everything known about one run: its identity, status, metrics, timings and provenance. Serialised as the
 * run's {@code run.json}; one row of {@code summary.csv} is derived from it. Metrics are NaN until the run
 * is done.
 *
 * @param experiment          experiment name
 * @param runId               stable run id from the grid
 * @param variant             the variant's label in the spec
 * @param model               m1..m4, pop, spop, itemknn
 * @param gruSize             GRU hidden size (0 for baselines)
 * @param fraction            training fraction as written, e.g. "1/256"
 * @param seed                the run's seed
 * @param status              running, done or failed
 * @param failure             why it failed (with the epoch), null otherwise
 * @param recall              Recall@cutoff, standard ties
 * @param mrr                 MRR@cutoff, standard ties
 * @param recallConservative  Recall@cutoff, conservative ties
 * @param mrrConservative     MRR@cutoff, conservative ties
 * @param cutoff              k
 * @param items               catalogue size
 * @param trainSequences      training sequences of the evaluated model: after the validation hold-out, or all of
 *                            the run's sequences for a refit
 * @param validationSequences sequences held out for early stopping
 * @param testSequences       test prefixes evaluated
 * @param epochs              epochs trained
 * @param bestEpoch           epoch whose weights were kept
 * @param trainSeconds        training wall time
 * @param evalSeconds         test evaluation wall time
 * @param params              trainable parameters of the model used for prediction
 * @param predictMsMean       mean time to predict one batch of 512 test prefixes (top-k over all items)
 * @param predictMsSd         its standard deviation
 * @param history             per-epoch loss and validation metrics
 * @param provenance          software and machine, spec and data hashes, worker, configuration hash, times, and
 *                            variant-specific facts such as the pre-trained model an M2 run started from
 */
public record RunRecord(String experiment, String runId, String variant, String model, int gruSize,
                        String fraction, long seed, String status, String failure, double recall, double mrr,
                        double recallConservative, double mrrConservative, int cutoff, int items,
                        long trainSequences, long validationSequences, long testSequences, int epochs,
                        int bestEpoch, double trainSeconds, double evalSeconds, long params, double predictMsMean,
                        double predictMsSd, List<EpochRecord> history, RunProvenance provenance) {
    public RunRecord {
        history = history == null ? List.of() : List.copyOf(history);
        provenance = provenance == null ? RunProvenance.EMPTY : provenance;
    }

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
}
