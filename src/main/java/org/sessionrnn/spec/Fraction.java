package org.sessionrnn.spec;

/**
 * A training-data fraction written as {@code numerator/denominator} (e.g. 1/256), kept exact so that run ids
 * and labels never depend on floating-point formatting.
 */
public record Fraction(int numerator, int denominator) implements Comparable<Fraction> {
    public Fraction {
        if (numerator <= 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("fraction must be in (0, 1]: " + numerator + "/" + denominator);
        }
    }

    public static final Fraction ONE = new Fraction(1, 1);

    /** Parses "1/256", "1" or "0.25" (a decimal must be a power-of-two fraction or any exact ratio <= 1). */
    public static Fraction parse(String text) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash >= 0) {
            return new Fraction(Integer.parseInt(t.substring(0, slash).trim()),
                    Integer.parseInt(t.substring(slash + 1).trim()));
        }
        java.math.BigDecimal d = new java.math.BigDecimal(t);
        if (d.compareTo(java.math.BigDecimal.ONE) == 0) {
            return ONE;
        }
        int scale = Math.max(0, d.scale());
        java.math.BigInteger num = d.movePointRight(scale).toBigIntegerExact();
        java.math.BigInteger den = java.math.BigInteger.TEN.pow(scale);
        java.math.BigInteger g = num.gcd(den);
        return new Fraction(num.divide(g).intValueExact(), den.divide(g).intValueExact());
    }

    /**
     * This fraction of {@code whole}, reduced: 1/4 of 1/64 is 1/256.
     *
     * @throws ArithmeticException when the reduced denominator does not fit in an int
     */
    public Fraction of(Fraction whole) {
        long num = (long) numerator * whole.numerator;
        long den = (long) denominator * whole.denominator;
        long gcd = gcd(num, den);
        return new Fraction(Math.toIntExact(num / gcd), Math.toIntExact(den / gcd));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    public double value() {
        return (double) numerator / denominator;
    }

    /** "1/256", or "1" for the whole set. */
    public String label() {
        return denominator == 1 ? Integer.toString(numerator) : numerator + "/" + denominator;
    }

    /** A file-name-safe form: "1_256", "1". */
    public String idPart() {
        return denominator == 1 ? Integer.toString(numerator) : numerator + "_" + denominator;
    }

    @Override
    public int compareTo(Fraction o) {
        return Long.compare((long) numerator * o.denominator, (long) o.numerator * denominator);
    }

    @Override
    public String toString() {
        return label();
    }
}
