package org.sessionrnn.train;

import org.sessionrnn.results.EpochRecord;
import java.nio.file.Path;
import org.sessionrnn.model.SessionModel;

/**
 * Keeps the weights of the epoch with the best validation Recall@k in a checkpoint, stops after
 * {@code patience} epochs without improvement, and restores the best weights when training ends. A refit
 * ({@link #lastEpoch}) has no validation to choose by: it keeps every epoch's weights and never stops early.
 */
public final class EarlyStopping implements TrainingListener {
    private final int patience;
    private final Path bestPrefix;
    private final boolean keepsLast;
    private double bestRecall = Double.NEGATIVE_INFINITY;
    private int bestEpoch;
    private int sinceBest;

    /**
     * @param patience   epochs without improvement before stopping
     * @param bestPrefix checkpoint prefix for the best weights
     */
    public EarlyStopping(int patience, Path bestPrefix) {
        this(patience, bestPrefix, false);
    }

    private EarlyStopping(int patience, Path bestPrefix, boolean keepsLast) {
        this.patience = patience;
        this.bestPrefix = bestPrefix;
        this.keepsLast = keepsLast;
    }

    /**
     * For training for a fixed number of epochs found earlier (a refit on all training sequences): every epoch
     * counts as the best so far, so training runs to its epoch budget and ends with the last epoch's weights,
     * saved under {@code bestPrefix} like a best epoch's.
     */
    public static EarlyStopping lastEpoch(Path bestPrefix) {
        return new EarlyStopping(Integer.MAX_VALUE, bestPrefix, true);
    }

    /** Restores the state of an interrupted run. */
    public void resumeFrom(double bestRecall, int bestEpoch, int sinceBest) {
        this.bestRecall = bestRecall;
        this.bestEpoch = bestEpoch;
        this.sinceBest = sinceBest;
    }

    @Override
    public void onEpochEnd(SessionModel model, EpochRecord stats) {
        if (keepsLast || stats.validationRecall() > bestRecall) {
            bestRecall = stats.validationRecall();
            bestEpoch = stats.epoch();
            sinceBest = 0;
            model.save(bestPrefix);
        } else {
            sinceBest++;
        }
    }

    @Override
    public boolean shouldStop() {
        return sinceBest >= patience;
    }

    @Override
    public void onTrainingEnd(SessionModel model) {
        if (bestEpoch > 0) {
            model.restore(bestPrefix);
        }
    }

    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestRecall() {
        return bestRecall;
    }

    public int epochsSinceBest() {
        return sinceBest;
    }
}
