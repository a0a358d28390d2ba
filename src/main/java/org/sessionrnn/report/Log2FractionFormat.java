package org.sessionrnn.report;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Tick labels for an axis whose values are log2 of a training fraction: -8 is written "1/256", 0 is "1"; a value
 * between powers of two is written as the decimal fraction.
 */
final class Log2FractionFormat extends NumberFormat {
    private static final double EPS = 1e-9;

    @Override
    public StringBuffer format(double log2, StringBuffer out, FieldPosition pos) {
        double rounded = Math.rint(log2);
        if (Math.abs(log2 - rounded) > EPS) {
            return out.append(String.format("%.3g", Math.pow(2, log2)));
        }
        long power = Math.round(Math.pow(2, Math.abs(rounded)));
        return out.append(rounded < 0 ? "1/" + power : Long.toString(power));
    }

    @Override
    public StringBuffer format(long log2, StringBuffer out, FieldPosition pos) {
        return format((double) log2, out, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("tick labels are not parsed");
    }
}
