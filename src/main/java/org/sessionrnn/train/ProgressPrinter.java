package org.sessionrnn.train;

import org.sessionrnn.results.EpochRecord;
import java.io.PrintStream;
import org.sessionrnn.model.SessionModel;

/** Prints one line per epoch (loss, validation Recall/MRR, throughput, ETA) and a line every few seconds. */
public final class ProgressPrinter implements TrainingListener {
    private final PrintStream out;
    private final String prefix;
    private int maxEpochs;
    private int firstEpoch;
    private double secondsSoFar;

    public ProgressPrinter(PrintStream out, String prefix) {
        this.out = out;
        this.prefix = prefix;
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
        out.printf("%s epoch %d/%d: loss %.4f, validation Recall %.4f MRR %.4f, %,.0f seq/s, %s (at most %s left)%n",
                prefix, s.epoch(), maxEpochs, s.loss(), s.validationRecall(), s.validationMrr(),
                s.sequencesPerSecond(), Durations.format(s.seconds()), Durations.format(eta));
    }
}
