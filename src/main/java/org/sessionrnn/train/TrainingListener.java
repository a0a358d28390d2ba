package org.sessionrnn.train;

import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.model.SessionModel;

/**
 * A hook into the training loop (progress, early stopping, checkpoints), so the loop itself stays free of
 * flags. All methods are optional.
 */
public interface TrainingListener {
    /** Called before the first epoch; {@code firstEpoch} is greater than 1 when training resumes. */
    default void onTrainingStart(SessionModel model, int firstEpoch, int maxEpochs) {
    }

    /** Called every few seconds inside an epoch. */
    default void onProgress(int epoch, long sequencesDone, long sequencesTotal, double secondsInEpoch) {
    }

    /**
     * Called after every batch with the position reached; cheap listeners only, it runs thousands of times per
     * epoch. An in-epoch checkpoint saved here can be resumed exactly.
     */
    default void onBatchEnd(SessionModel model, EpochProgress progress) {
    }

    /**
     * Called when a {@link StopRequest} is honoured at a batch boundary, just before the trainer throws
     * {@link TrainingInterruptedException}; {@code progress} is the position reached, the model holds its
     * weights.
     */
    default void onInterrupt(SessionModel model, EpochProgress progress) {
    }

    /** Called after each epoch's validation. */
    default void onEpochEnd(SessionModel model, EpochRecord stats) {
    }

    /** Asked after every epoch; training stops when any listener says so. */
    default boolean shouldStop() {
        return false;
    }

    /** Called once after the last epoch. */
    default void onTrainingEnd(SessionModel model) {
    }
}
