package org.sessionrnn.spec;

/**
 * An allowed numeric range with open or closed ends, e.g. {@code [0, 1)} or {@code >= 1}; an infinite upper end
 * is written as a lower bound only.
 */
record Interval(double low, boolean lowClosed, double high, boolean highClosed, boolean limit) {
    Interval(double low, boolean lowClosed, double high, boolean highClosed) {
        this(low, lowClosed, high, highClosed, false);
    }

    static final Interval POSITIVE = above(0);
    static final Interval AT_LEAST_ONE = atLeast(1);
    static final Interval NON_NEGATIVE = atLeast(0);
    static final Interval UNIT_CLOSED = new Interval(0, true, 1, true);
    static final Interval UNIT_RIGHT_OPEN = new Interval(0, true, 1, false);
    static final Interval UNIT_LEFT_OPEN = new Interval(0, false, 1, true);

    /** {@code >= low}. */
    static Interval atLeast(double low) {
        return new Interval(low, true, Double.POSITIVE_INFINITY, false);
    }

    /** {@code > low}. */
    static Interval above(double low) {
        return new Interval(low, false, Double.POSITIVE_INFINITY, false);
    }

    /**
     * {@code >= low} up to a supported maximum {@code max}: a value below reads "must be >= low", one above
     * "must be at most max", since the maximum is a limit of the program rather than of the setting's meaning.
     */
    static Interval upTo(double low, double max) {
        return new Interval(low, true, max, true, true);
    }

    /** "must be ..." completion for the value {@code x}, which is outside. */
    String describe(double x) {
        if (!limit) {
            return describe();
        }
        return x < low ? ">= " + format(low) : "at most " + format(high) + " (the largest supported)";
    }

    boolean contains(double x) {
        boolean aboveLow = lowClosed ? x >= low : x > low;
        boolean belowHigh = highClosed ? x <= high : x < high;
        return aboveLow && belowHigh;
    }

    /** "must be ..." completion: {@code in [0, 1)}, {@code >= 1}, {@code > 0}. */
    String describe() {
        if (Double.isInfinite(high)) {
            return (lowClosed ? ">= " : "> ") + format(low);
        }
        return "in " + (lowClosed ? "[" : "(") + format(low) + ", " + format(high) + (highClosed ? "]" : ")");
    }

    /** The range as the docs table gives it: {@code [0, 1)}, {@code >= 1}, {@code 1 .. 16384}. */
    String span() {
        if (Double.isInfinite(high)) {
            return describe();
        }
        if (limit) {
            return format(low) + " .. " + format(high);
        }
        return describe().substring("in ".length());
    }

    static String format(double x) {
        return x == Math.rint(x) && !Double.isInfinite(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
