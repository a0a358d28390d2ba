package org.sessionrnn.report;

import java.util.Locale;

/** Number formatting shared by the Markdown and text outputs; NaN is shown as an en dash. */
final class Format {
    static final String MISSING = "–";

    private Format() {
    }

    /** {@code value} with {@code decimals} decimals. */
    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? MISSING : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A ratio as a signed percentage with one decimal: 0.128 is "+12.8%". */
    static String percent(double ratio) {
        return Double.isNaN(ratio) ? MISSING : String.format(Locale.ROOT, "%+.1f%%", 100 * ratio);
    }

    /** A mean and its standard deviation: "12.30 ± 0.40". */
    static String meanSd(double mean, double sd, int decimals) {
        return Double.isNaN(mean) ? MISSING : fixed(mean, decimals) + (Double.isNaN(sd) ? "" : " ± " + fixed(sd, decimals));
    }

    /** A count, or the dash for a missing (non-positive) one. */
    static String count(long value) {
        return value <= 0 ? MISSING : Long.toString(value);
    }
}
