package org.sessionrnn.train;

import java.util.List;

/**
 * What a resumed run needs besides the model's variables: where training stood after its last completed epoch.
 *
 * @param epochsDone   last completed epoch (1-based)
 * @param steps        optimiser steps taken; Adam's bias correction depends on it and it lives in Java
 * @param bestRecall   early stopping: best validation Recall@k so far
 * @param bestEpoch    early stopping: epoch of {@code bestRecall}
 * @param sinceBest    early stopping: epochs since the best one
 * @param checkpoint   file name prefix (inside the checkpoints folder) of the variables after {@code epochsDone}
 * @param trainSeconds training wall time summed over all sessions of this run
 * @param history      stats of epochs {@code 1..epochsDone}
 */
public record TrainingState(int epochsDone, long steps, double bestRecall, int bestEpoch, int sinceBest,
                            String checkpoint, double trainSeconds, List<EpochStats> history) {
    public TrainingState {
        history = List.copyOf(history);
    }
}
