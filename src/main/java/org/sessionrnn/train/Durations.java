package org.sessionrnn.train;

/** Human-readable durations. */
public final class Durations {
    private Durations() {
    }

    /** "42s", "3m05s", "1h02m". */
    public static String format(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
