package org.sessionrnn.results;

import org.sessionrnn.spec.Fraction;

import java.util.Comparator;

/**
 * What identifies a point of the experiment grid apart from the seed: the variant (or, for paper values, the
 * model), the GRU size and the training fraction. Ordered by name, GRU size, then fraction value.
 *
 * @param name     variant label, or model name when matching paper values
 * @param gruSize  GRU size, 0 for baselines
 * @param fraction training fraction as written ("1/256"); empty when unknown (paper values)
 */
public record RunKey(String name, int gruSize, String fraction) implements Comparable<RunKey> {
    private static final Comparator<RunKey> ORDER = Comparator.comparing(RunKey::name)
            .thenComparingInt(RunKey::gruSize).thenComparingDouble(RunKey::fractionValue);

    /** The fraction as a number, NaN when unknown. */
    public double fractionValue() {
        return fraction == null || fraction.isBlank() ? Double.NaN : Fraction.parse(fraction).value();
    }

    @Override
    public int compareTo(RunKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return name + " (" + gruSize + ")" + (fraction == null || fraction.isBlank() ? "" : " @ " + fraction);
    }
}
