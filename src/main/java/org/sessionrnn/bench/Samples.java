package org.sessionrnn.bench;

import java.util.Arrays;

/** Repeated measurements of one quantity: median and spread (min..max). */
public record Samples(double[] values) {
    public Samples {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        values = values.clone();
        Arrays.sort(values);
    }

    public double median() {
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }

    /** Each value times {@code factor}, e.g. to turn seconds per item into a rate's reciprocal. */
    public Samples scaled(double factor) {
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i] * factor;
        }
        return new Samples(v);
    }
}
