package org.sessionrnn.data;

import org.sessionrnn.spec.Fraction;

/** Selects the training data of one run from the time-ordered training sequences. */
public final class SequenceSplitter {
    private SequenceSplitter() {
    }

    /**
     * The most recent {@code ceil(f * N)} sequences of a set ordered by label time (section 4 trains on such
     * recent fractions), still in time order.
     */
    public static SequenceSet recentFraction(SequenceSet sortedTrain, Fraction f) {
        long n = sortedTrain.size();
        int keep = (int) ((n * f.numerator() + f.denominator() - 1) / f.denominator());
        return sortedTrain.range(sortedTrain.size() - keep, sortedTrain.size());
    }

    /**
     * Holds out about {@code share} of the sequences for early stopping, whole sessions chosen by {@code holdout}:
     * at random ({@link #validationSplit(SequenceSet, double, long)}) or the most recent ones
     * ({@link #recentSplit}).
     */
    public static TrainValidation validationSplit(SequenceSet sequences, double share, long seed, Holdout holdout) {
        return holdout == Holdout.RECENT_SESSIONS ? recentSplit(sequences, share)
                : validationSplit(sequences, share, seed);
    }

    /**
     * Holds out the sessions of the most recent {@code ceil(share * N)} sequences of a set ordered by label time,
     * each session whole (its earlier sequences too), so that no session's prefixes land on both sides. Both parts
     * keep the input order.
     */
    public static TrainValidation recentSplit(SequenceSet sequences, double share) {
        int n = sequences.size();
        int tail = (int) Math.min(n, Math.ceil(share * n));
        boolean[] held = new boolean[sequences.table().sessions()];
        for (int i = n - tail; i < n; i++) {
            held[sequences.session(i)] = true;
        }
        double[] draw = new double[n];
        for (int i = 0; i < n; i++) {
            draw[i] = held[sequences.session(i)] ? 0 : 1;
        }
        return partition(sequences, draw, 0.5);
    }

    /**
     * Holds out about {@code share} of the sequences for early stopping by choosing whole sessions: drawing
     * from the run's own sequences keeps validation in the same time range as the training data, and drawing
     * sessions rather than sequences keeps the prefixes of one session from landing on both sides (they
     * overlap, so that would leak). A session's side depends only on {@code seed} and its id. When the draw
     * leaves validation empty although {@code share > 0}, the session with the smallest draw is held out, as
     * long as another session remains for training. Both parts keep the input order.
     */
    public static TrainValidation validationSplit(SequenceSet sequences, double share, long seed) {
        SessionTable table = sequences.table();
        double[] draw = new double[sequences.size()];
        int minimum = -1;
        boolean any = false;
        for (int i = 0; i < draw.length; i++) {
            draw[i] = uniform(seed, table.sessionId(sequences.session(i)));
            any |= draw[i] < share;
            minimum = minimum < 0 || draw[i] < draw[minimum] ? i : minimum;
        }
        double cut = share;
        if (!any && share > 0 && minimum >= 0 && hasAnotherSession(sequences, minimum)) {
            cut = Math.nextUp(draw[minimum]);
        }
        return partition(sequences, draw, cut);
    }

    private static boolean hasAnotherSession(SequenceSet sequences, int index) {
        for (int i = 0; i < sequences.size(); i++) {
            if (sequences.session(i) != sequences.session(index)) {
                return true;
            }
        }
        return false;
    }

    private static TrainValidation partition(SequenceSet sequences, double[] draw, double cut) {
        int held = 0;
        for (double d : draw) {
            held += d < cut ? 1 : 0;
        }
        int[] train = new int[draw.length - held];
        int[] validation = new int[held];
        for (int i = 0, t = 0, v = 0; i < draw.length; i++) {
            if (draw[i] < cut) {
                validation[v++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new TrainValidation(sequences.select(train), sequences.select(validation));
    }

    /** A uniform number in [0, 1) that depends only on seed and session id (a 64-bit mixing function). */
    static double uniform(long seed, long sessionId) {
        long z = seed * 0x9E3779B97F4A7C15L + sessionId;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
