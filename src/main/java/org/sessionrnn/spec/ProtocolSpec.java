package org.sessionrnn.spec;

import java.util.List;

/**
 * How runs are trained, measured and reported.
 *
 * @param fractions       the most recent fractions of the training sequences to train on
 * @param validationShare share of a run's training sequences held out for early stopping (0.1)
 * @param maxLength       inputs are truncated to the last this-many clicks (19)
 * @param cutoff          k of Recall@k and MRR@k (20)
 * @param dataFraction    which fraction of the full data set the data files hold (1): the report labels training
 *                        fractions by their share of the full data; training does not read it
 * @param leaderboard     which published leaderboard the report sets this run beside, one of {@link #LEADERBOARDS}
 *                        ({@link #NO_LEADERBOARD}); training does not read it
 */
public record ProtocolSpec(List<Fraction> fractions, double validationShare, int maxLength, int cutoff,
                           Fraction dataFraction, String leaderboard) {
    /** The value of {@code leaderboard} that writes none. */
    public static final String NO_LEADERBOARD = "none";
    /** The value of {@code leaderboard} that picks the published set whose data matches the run's data. */
    public static final String AUTO_LEADERBOARD = "auto";
    /** The leaderboards a spec may name, {@link #AUTO_LEADERBOARD} and {@link #NO_LEADERBOARD} last. */
    public static final List<String> LEADERBOARDS = List.of("yoochoose1_64", "yoochoose1_4", "diginetica",
            AUTO_LEADERBOARD, NO_LEADERBOARD);
    /** The cutoff every published leaderboard number is measured at. */
    public static final int LEADERBOARD_CUTOFF = 20;

    public ProtocolSpec {
        fractions = List.copyOf(fractions);
        if (!LEADERBOARDS.contains(leaderboard)) {
            throw new IllegalArgumentException("unknown leaderboard " + leaderboard);
        }
    }

    /** A protocol with the report-only keys at their defaults: the whole data set, no leaderboard. */
    public ProtocolSpec(List<Fraction> fractions, double validationShare, int maxLength, int cutoff) {
        this(fractions, validationShare, maxLength, cutoff, Fraction.ONE, NO_LEADERBOARD);
    }

    /** The paper's protocol: fractions 1/256, 1/64, 1/16, 1/4, 1; validation share 0.1; max length 19; cutoff 20. */
    public static final ProtocolSpec DEFAULT = new ProtocolSpec(List.of(new Fraction(1, 256), new Fraction(1, 64),
            new Fraction(1, 16), new Fraction(1, 4), Fraction.ONE), 0.1, 19, 20);

    /** This protocol with {@code dataFraction} and {@code leaderboard}, which training never reads, at their defaults. */
    public ProtocolSpec withoutReportKeys() {
        return new ProtocolSpec(fractions, validationShare, maxLength, cutoff);
    }

    /** True when a leaderboard is to be written. */
    public boolean hasLeaderboard() {
        return !leaderboard.equals(NO_LEADERBOARD);
    }
}
