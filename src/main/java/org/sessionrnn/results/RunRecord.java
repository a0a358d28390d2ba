package org.sessionrnn.results;

import java.util.List;

/**
 * Everything known about one run: its identity, status, what training and the test evaluation measured, and its
 * provenance. Serialised as the run's {@code run.json} ({@link RunRecordIo}); one row of {@code summary.csv} is
 * derived from it. What has not been measured is absent: no {@link Training} until the run is done, no
 * {@link Evaluation} until it was evaluated on the test set (never, for a hyperparameter search's trial).
 *
 * <p>A record starts as {@link #running} and ends as {@link #done} or {@link #failed} of that running record.
 * The flat accessors ({@link #recall()}, {@link #trainSeconds()}, ...) are the summary's view of one row: NaN for
 * a number not measured (written empty), 0 for a count not measured.
 *
 * @param experiment experiment name
 * @param runId      stable run id from the grid
 * @param variant    the variant's label in the spec
 * @param model      the model kind, e.g. m1, m4, pop
 * @param gruSize    GRU hidden size (0 for baselines)
 * @param fraction   training fraction as written, e.g. "1/256"
 * @param seed       the run's seed
 * @param status     running, done or failed
 * @param failure    why it failed, null otherwise
 * @param items      catalogue size
 * @param training   what training measured; null until done
 * @param evaluation the test evaluation; null until evaluated
 * @param history    per-epoch loss and validation metrics
 * @param provenance software and machine, spec and data hashes, worker, configuration hash, times, and
 *                   variant-specific facts such as the pre-trained model an M2 run started from
 */
public record RunRecord(String experiment, String runId, String variant, String model, int gruSize,
                        String fraction, long seed, RunStatus status, String failure, int items, Training training,
                        Evaluation evaluation, List<EpochRecord> history, RunProvenance provenance) {
    /** Shorthand for {@link RunStatus#RUNNING}. */
    public static final RunStatus RUNNING = RunStatus.RUNNING;
    /** Shorthand for {@link RunStatus#DONE}. */
    public static final RunStatus DONE = RunStatus.DONE;
    /** Shorthand for {@link RunStatus#FAILED}. */
    public static final RunStatus FAILED = RunStatus.FAILED;

    public RunRecord {
        if (status == null) {
            throw new IllegalArgumentException("a run record needs a status");
        }
        history = history == null ? List.of() : List.copyOf(history);
        provenance = provenance == null ? RunProvenance.EMPTY : provenance;
    }

    /**
     * What training measured.
     *
     * @param trainSequences      training sequences of the evaluated model: after the validation hold-out, or all
     *                            of the run's sequences for a refit
     * @param validationSequences sequences held out for early stopping
     * @param epochs              epochs trained
     * @param bestEpoch           epoch whose weights were kept (0 for baselines)
     * @param trainSeconds        training wall time (fitting, for baselines)
     * @param params              trainable parameters of the model used for prediction (0 for baselines)
     */
    public record Training(long trainSequences, long validationSequences, int epochs, int bestEpoch,
                           double trainSeconds, long params) {
    }

    /**
     * What the test evaluation measured.
     *
     * @param cutoff             k
     * @param testSequences      test prefixes evaluated
     * @param recall             Recall@cutoff, standard ties
     * @param mrr                MRR@cutoff, standard ties
     * @param recallConservative Recall@cutoff, conservative ties
     * @param mrrConservative    MRR@cutoff, conservative ties
     * @param evalSeconds        test evaluation wall time
     * @param latency            time to predict one batch of 512 test prefixes; null when not measured
     */
    public record Evaluation(int cutoff, long testSequences, double recall, double mrr, double recallConservative,
                             double mrrConservative, double evalSeconds, Latency latency) {
    }

    /**
     * Time to predict one batch of 512 test prefixes (top-k over all items).
     *
     * @param meanMs mean, in milliseconds
     * @param sdMs   standard deviation
     */
    public record Latency(double meanMs, double sdMs) {
    }

    /** A run that has started: identity, catalogue size and provenance, nothing measured yet. */
    public static RunRecord running(String experiment, String runId, String variant, String model, int gruSize,
                                    String fraction, long seed, int items, RunProvenance provenance) {
        return new RunRecord(experiment, runId, variant, model, gruSize, fraction, seed, RunStatus.RUNNING, null,
                items, null, null, List.of(), provenance);
    }

    /** This run, done: what it measured, with its final provenance. */
    public RunRecord done(Training training, Evaluation evaluation, List<EpochRecord> history,
                          RunProvenance provenance) {
        if (training == null) {
            throw new IllegalArgumentException("a done run has what training measured");
        }
        return new RunRecord(experiment, runId, variant, model, gruSize, fraction, seed, RunStatus.DONE, null, items,
                training, evaluation, history, provenance);
    }

    /** This run, failed for {@code reason}, with its final provenance. */
    public RunRecord failed(String reason, RunProvenance provenance) {
        return new RunRecord(experiment, runId, variant, model, gruSize, fraction, seed, RunStatus.FAILED, reason,
                items, null, null, List.of(), provenance);
    }

    /** Recall@cutoff, standard ties; NaN until evaluated. */
    public double recall() {
        return evaluation == null ? Double.NaN : evaluation.recall();
    }

    /** MRR@cutoff, standard ties; NaN until evaluated. */
    public double mrr() {
        return evaluation == null ? Double.NaN : evaluation.mrr();
    }

    /** Recall@cutoff, conservative ties; NaN until evaluated. */
    public double recallConservative() {
        return evaluation == null ? Double.NaN : evaluation.recallConservative();
    }

    /** MRR@cutoff, conservative ties; NaN until evaluated. */
    public double mrrConservative() {
        return evaluation == null ? Double.NaN : evaluation.mrrConservative();
    }

    /** k of the metrics; 0 until evaluated. */
    public int cutoff() {
        return evaluation == null ? 0 : evaluation.cutoff();
    }

    /** Test prefixes evaluated; 0 until evaluated. */
    public long testSequences() {
        return evaluation == null ? 0 : evaluation.testSequences();
    }

    /** Test evaluation wall time; NaN until evaluated. */
    public double evalSeconds() {
        return evaluation == null ? Double.NaN : evaluation.evalSeconds();
    }

    /** Mean time to predict a batch of 512 test prefixes; NaN when not measured. */
    public double predictMsMean() {
        return evaluation == null || evaluation.latency() == null ? Double.NaN : evaluation.latency().meanMs();
    }

    /** Its standard deviation; NaN when not measured. */
    public double predictMsSd() {
        return evaluation == null || evaluation.latency() == null ? Double.NaN : evaluation.latency().sdMs();
    }

    /** Training sequences of the evaluated model; 0 until done. */
    public long trainSequences() {
        return training == null ? 0 : training.trainSequences();
    }

    /** Sequences held out for early stopping; 0 until done. */
    public long validationSequences() {
        return training == null ? 0 : training.validationSequences();
    }

    /** Epochs trained; 0 until done. */
    public int epochs() {
        return training == null ? 0 : training.epochs();
    }

    /** Epoch whose weights were kept; 0 until done. */
    public int bestEpoch() {
        return training == null ? 0 : training.bestEpoch();
    }

    /** Training wall time; NaN until done. */
    public double trainSeconds() {
        return training == null ? Double.NaN : training.trainSeconds();
    }

    /** Trainable parameters of the model used for prediction; 0 until done. */
    public long params() {
        return training == null ? 0 : training.params();
    }
}
