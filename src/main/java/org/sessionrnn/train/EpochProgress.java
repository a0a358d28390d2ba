package org.sessionrnn.train;

/**
 * Where training stands inside one epoch, at a batch boundary: enough to continue the epoch exactly as an
 * uninterrupted run would, since batch {@code b} of epoch {@code e} depends only on {@code (seed, e, b)}.
 * It is what {@link TrainingListener#onBatchEnd} reports, what an in-epoch checkpoint saves, and where
 * {@link Trainer#fit(org.sessionrnn.model.SessionModel, org.sessionrnn.data.SequenceSet,
 * org.sessionrnn.data.SequenceSet, int, EpochProgress)} resumes.
 *
 * @param epoch         1-based epoch in progress
 * @param batchesDone   batches of this epoch already trained
 * @param sequencesDone training sequences of this epoch already trained
 * @param lossSum       sum over those sequences of the batch loss times the batch's size (the epoch's mean
 *                      loss is this over all sequences once the epoch is complete)
 * @param seconds       training wall time spent in this epoch so far, over all attempts
 */
public record EpochProgress(int epoch, int batchesDone, long sequencesDone, double lossSum, double seconds) {
    public EpochProgress {
        if (epoch < 1 || batchesDone < 0 || sequencesDone < 0 || !Double.isFinite(lossSum) || seconds < 0) {
            throw new IllegalArgumentException("invalid position in an epoch: epoch " + epoch + ", batch "
                    + batchesDone + ", sequences " + sequencesDone + ", loss sum " + lossSum + ", seconds "
                    + seconds);
        }
    }

    /** The beginning of {@code epoch}. */
    public static EpochProgress start(int epoch) {
        return new EpochProgress(epoch, 0, 0, 0, 0);
    }

    /** True at the beginning of the epoch, where the previous epoch's checkpoint already says everything. */
    public boolean atStart() {
        return batchesDone == 0;
    }
}
