package org.sessionrnn.train;

import org.sessionrnn.results.EpochRecord;
import java.util.List;

/**
 * What a resumed run needs besides the model's variables: where training stood at its last checkpoint, after a
 * completed epoch or, with {@code inEpoch}, at a batch boundary inside the next one.
 *
 * @param epochsDone   last completed epoch (1-based; 0 if none)
 * @param steps        optimiser steps taken; Adam's bias correction depends on it and it lives in Java
 * @param bestRecall   early stopping: best validation Recall@k so far
 * @param bestEpoch    early stopping: epoch of {@code bestRecall}
 * @param sinceBest    early stopping: epochs since the best one
 * @param checkpoint   file name prefix (inside the checkpoints folder) of the variables saved with this state
 * @param trainSeconds training wall time summed over the completed epochs of all sessions of this run
 * @param history      stats of epochs {@code 1..epochsDone}
 * @param inEpoch      for an in-epoch checkpoint, the position reached in epoch {@code epochsDone + 1}; null
 *                     (or absent, as in state files written before in-epoch checkpoints existed) at an epoch
 *                     boundary. Early-stopping fields are then those after epoch {@code epochsDone}.
 */
public record TrainingState(int epochsDone, long steps, double bestRecall, int bestEpoch, int sinceBest,
                            String checkpoint, double trainSeconds, List<EpochRecord> history,
                            EpochProgress inEpoch) {
    public TrainingState {
        history = List.copyOf(history);
        if (inEpoch != null && inEpoch.epoch() != epochsDone + 1) {
            throw new IllegalArgumentException("in-epoch position is in epoch " + inEpoch.epoch()
                    + " but " + epochsDone + " epochs are done");
        }
    }

    /** A state at an epoch boundary. */
    public TrainingState(int epochsDone, long steps, double bestRecall, int bestEpoch, int sinceBest,
                         String checkpoint, double trainSeconds, List<EpochRecord> history) {
        this(epochsDone, steps, bestRecall, bestEpoch, sinceBest, checkpoint, trainSeconds, history, null);
    }

    /** Where training continues from this state: inside the saved epoch, or at the start of the next one. */
    public EpochProgress resumePoint() {
        return inEpoch != null ? inEpoch : EpochProgress.start(epochsDone + 1);
    }
}
