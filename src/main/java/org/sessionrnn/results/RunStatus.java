package org.sessionrnn.results;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a run stands, as its {@code run.json} and {@code summary.csv} spell it. An interrupted run (Ctrl-C, a
 * killed worker) stays {@link #RUNNING}: that is what makes it resumable.
 */
public enum RunStatus {
    /** Started and not finished: training, or interrupted and resumable. */
    RUNNING("running"),
    /** Trained and recorded. */
    DONE("done"),
    /** Stopped by an error; the record says why. */
    FAILED("failed");

    private final String text;

    RunStatus(String text) {
        this.text = text;
    }

    /** The word in {@code run.json} and {@code summary.csv}. */
    public String text() {
        return text;
    }

    /** The status spelled {@code text}, if it is one. */
    public static Optional<RunStatus> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.text.equals(text)).findFirst();
    }

    @Override
    public String toString() {
        return text;
    }
}
