package org.sessionrnn.train;

/**
 * Training stopped because a {@link StopRequest} was made (Ctrl-C). The epoch in progress is abandoned; the last
 * completed epoch's checkpoint is where a rerun resumes.
 */
public final class TrainingInterruptedException extends RuntimeException {
    private final int epoch;

    public TrainingInterruptedException(int epoch) {
        super("training interrupted in epoch " + epoch);
        this.epoch = epoch;
    }

    /** The epoch that was abandoned. */
    public int epoch() {
        return epoch;
    }
}
