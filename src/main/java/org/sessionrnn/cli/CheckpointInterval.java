package org.sessionrnn.cli;

import org.sessionrnn.runner.CheckpointedTraining;

/**
 * The in-epoch checkpoint interval ({@code -Dsessionrnn.checkpointMinutes}) of the commands that train, checked
 * when they start: a mistyped value is reported at once, not when the first run trains.
 */
final class CheckpointInterval {
    private CheckpointInterval() {
    }

    static void check() {
        try {
            CheckpointedTraining.checkpointInterval();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
