package org.sessionrnn.train;

import org.sessionrnn.results.EpochRecord;
import java.io.PrintStream;
import org.sessionrnn.model.SessionModel;

/** Prints one line per epoch (loss, validation Recall/MRR, throughput, ETA) and a line every few seconds. */
public final class ProgressPrinter implements TrainingListener {
    private final PrintStream out;
    private final String prefix;
    private final boolean validates;
    private int maxEpochs;
    private int firstEpoch;
    private double secondsSoFar;

    public ProgressPrinter(PrintStream out, String prefix) {
        this(out, prefix, true);
    }

    /** @param validates false for training without a validation split (a refit): no validation metrics shown */
    public ProgressPrinter(PrintStream out, String prefix, boolean validates) {
        this.out = out;
        this.prefix = prefix;
        this.validates = validates;
    }

    @Override
    public void onTrainingStart(SessionModel model, int firstEpoch, int maxEpochs) {
        this.firstEpoch = firstEpoch;
        this.maxEpochs = maxEpochs;
    }

    @Override
    public void onProgress(int epoch, long done, long total, double seconds) {
        double eta = seconds / Math.max(1, done) * (total - done);
        out.printf("%s epoch %d: %,d/%,d sequences, %,.0f seq/s, epoch ETA %s%n", prefix, epoch, done, total,
                done / seconds, Durations.format(eta));
    }

    @Override
    public void onEpochEnd(SessionModel model, EpochRecord s) {
        secondsSoFar += s.seconds();
        int epochsDone = s.epoch() - firstEpoch + 1;
        double eta = secondsSoFar / epochsDone * (maxEpochs - s.epoch());
        String validation = validates
                ? String.format(", validation Recall %.4f MRR %.4f", s.validationRecall(), s.validationMrr()) : "";
        String left = validates ? "at most " + Durations.format(eta) + " left" : Durations.format(eta) + " left";
        out.printf("%s epoch %d/%d: loss %.4f%s, %,.0f seq/s, %s (%s)%n", prefix, s.epoch(), maxEpochs, s.loss(),
                validation, s.sequencesPerSecond(), Durations.format(s.seconds()), left);
    }
}
