package org.sessionrnn.train;

/** The training loss became NaN or infinite; the run cannot continue. */
public final class TrainingDivergedException extends RuntimeException {
    private final int epoch;

    public TrainingDivergedException(int epoch, long step, double loss) {
        super("training loss became " + loss + " in epoch " + epoch + " (step " + step + ")");
        this.epoch = epoch;
    }

    public int epoch() {
        return epoch;
    }
}
