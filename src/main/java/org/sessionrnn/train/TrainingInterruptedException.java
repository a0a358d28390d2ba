package org.sessionrnn.train;

/**
 * Training stopped because a {@link StopRequest} was made (Ctrl-C), at a batch boundary. Listeners were told
 * first ({@link TrainingListener#onInterrupt}), so an {@link EpochCheckpoint} has saved the position inside the
 * epoch and a rerun resumes exactly there.
 */
public final class TrainingInterruptedException extends RuntimeException {
    private final int epoch;

    public TrainingInterruptedException(int epoch) {
        super("training interrupted in epoch " + epoch);
        this.epoch = epoch;
    }

    /** The epoch that was in progress. */
    public int epoch() {
        return epoch;
    }
}
