package org.sessionrnn.results;

import java.util.Comparator;
import org.sessionrnn.spec.Fraction;

/**
 * What identifies a point of the experiment grid apart from the seed: the variant (or, for paper values, the
 * model), the GRU size and the training fraction. Ordered by name, GRU size, then fraction value.
 *
 * @param name     variant label, or model name when matching paper values
 * @param gruSize  GRU size, 0 for baselines
 * @param fraction training fraction; null when unknown (paper values)
 */
public record RunKey(String name, int gruSize, Fraction fraction) implements Comparable<RunKey> {
    private static final Comparator<RunKey> ORDER = Comparator.comparing(RunKey::name)
            .thenComparingInt(RunKey::gruSize).thenComparingDouble(RunKey::fractionValue);

    /** A key whose fraction is unknown or does not matter (paper values, best-of-fractions tables). */
    public static RunKey anyFraction(String name, int gruSize) {
        return new RunKey(name, gruSize, null);
    }

    /** The key of a row as files write it: the fraction as its label ("1/256"), blank when unknown. */
    public static RunKey of(String name, int gruSize, String fractionLabel) {
        return new RunKey(name, gruSize,
                fractionLabel == null || fractionLabel.isBlank() ? null : Fraction.parse(fractionLabel));
    }

    /** The key of a run record. */
    public static RunKey of(RunRecord record) {
        return of(record.variant(), record.gruSize(), record.fraction());
    }

    /** The fraction as a number, NaN when unknown. */
    public double fractionValue() {
        return fraction == null ? Double.NaN : fraction.value();
    }

    /** The fraction as files write it ("1/256"), empty when unknown. */
    public String fractionLabel() {
        return fraction == null ? "" : fraction.label();
    }

    /** True when {@code text} reads as a fraction in (0, 1] such as "1/256", "0.25" or "1". */
    public static boolean isFraction(String text) {
        try {
            Fraction.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public int compareTo(RunKey o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return name + " (" + gruSize + ")" + (fraction == null ? "" : " @ " + fraction.label());
    }
}
