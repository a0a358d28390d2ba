package org.sessionrnn.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * One scalar of the spec tree with its field path and location, converted to a Java value or rejected with a
 * located {@link SpecException}.
 *
 * @param node   the node
 * @param path   field path for messages, e.g. {@code protocol.fractions[2]}
 * @param where  location text, e.g. {@code x.yaml:7:18}
 * @param inList true when the value is an element of a list written as a single scalar ({@code seeds: 1,2});
 *               type errors then say "expected a list of ..."
 */
record Value(JsonNode node, String path, String where, boolean inList) {
    private static final int MAX_SCALE = 40;
    /** Longest part of a text value quoted in a message. */
    private static final int MAX_SHOWN = 80;
    private static final Pattern RATIO = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");
    private static final Pattern DECIMAL = Pattern.compile("\\s*\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*");

    SpecException error(String problem) {
        return SpecException.at(where, path, problem);
    }

    int asInt(Interval range) {
        return Math.toIntExact(asLong(range, "an integer", "integers"));
    }

    long asLong(Interval range) {
        return asLong(range, "an integer", "integers");
    }

    private long asLong(Interval range, String singular, String plural) {
        refuseNonFinite(singular);
        if (!node.isIntegralNumber()) {
            throw typeError(singular, plural);
        }
        BigInteger big = node.bigIntegerValue();
        if (big.bitLength() > 31 || !range.contains(big.doubleValue())) {
            throw error(shownNumber() + " must be " + range.describe(big.doubleValue())
                    + (big.bitLength() > 31 ? " and fit in 32 bits" : ""));
        }
        return big.longValueExact();
    }

    double asDouble(Interval range) {
        if (!node.isNumber()) {
            throw typeError("a number", "numbers");
        }
        refuseNonFinite("a number " + range.describe());
        double x = node.doubleValue();
        if (!range.contains(x)) {
            throw error(shownNumber() + " must be " + range.describe(x));
        }
        return x;
    }

    boolean asBoolean() {
        if (!node.isBoolean()) {
            throw typeError("true or false", "booleans");
        }
        return node.booleanValue();
    }

    /** A string; an integer is accepted and kept as its decimal text. */
    String asText() {
        if (!node.isTextual() && !node.isIntegralNumber()) {
            throw typeError("a string", "strings");
        }
        return node.asText();
    }

    /** An exact fraction in (0, 1], written as {@code 1/256}, {@code 0.25} or {@code 1}; reduced to lowest terms. */
    Fraction asFraction() {
        refuseNonFinite("a fraction like 1/256, 0.25 or 1");
        String text = node.isNumber() || node.isTextual() ? node.asText() : "";
        BigInteger[] ratio = ratio(text);
        if (ratio == null) {
            throw typeError("a fraction like 1/256, 0.25 or 1", "fractions like 1/256, 0.25 or 1");
        }
        BigInteger num = ratio[0];
        BigInteger den = ratio[1];
        if (den.signum() == 0) {
            throw error(text.trim() + " divides by zero; write a fraction like 1/256, 0.25 or 1");
        }
        if (num.signum() <= 0 || den.signum() <= 0 || num.compareTo(den) > 0) {
            throw error(text.trim() + " is outside (0, 1]");
        }
        BigInteger gcd = num.gcd(den);
        if (den.divide(gcd).bitLength() > 31) {
            throw error(text.trim() + " is too fine-grained; write it as a ratio like 1/3");
        }
        return new Fraction(num.divide(gcd).intValueExact(), den.divide(gcd).intValueExact());
    }

    private static BigInteger[] ratio(String text) {
        var m = RATIO.matcher(text);
        if (m.matches()) {
            return new BigInteger[] {new BigInteger(m.group(1)), new BigInteger(m.group(2))};
        }
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        BigDecimal d = new BigDecimal(text.trim().replace("+", "")).stripTrailingZeros();
        if (d.compareTo(BigDecimal.ONE) > 0 || d.scale() > MAX_SCALE) {
            // outside (0, 1] or absurdly fine: stand-ins that fail the same checks without huge BigIntegers
            return d.compareTo(BigDecimal.ONE) > 0 ? new BigInteger[] {BigInteger.TWO, BigInteger.ONE}
                    : new BigInteger[] {BigInteger.ONE, BigInteger.ONE.shiftLeft(40)};
        }
        int scale = Math.max(0, d.scale());
        return new BigInteger[] {d.movePointRight(scale).toBigIntegerExact(), BigInteger.TEN.pow(scale)};
    }

    /**
     * YAML's {@code .nan} and {@code .inf} read as numbers, which no setting allows: named as what they are rather
     * than compared with the setting's range.
     */
    void refuseNonFinite(String expected) {
        if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
            double x = node.doubleValue();
            String what = Double.isNaN(x) ? "NaN (.nan)" : x > 0 ? "infinity (.inf)" : "minus infinity (-.inf)";
            throw error(what + " is not allowed here; expected " + expected);
        }
    }

    SpecException typeError(String singular, String plural) {
        return error(inList ? "expected a list of " + plural + ", got " + show() : "expected " + singular
                + ", got " + show());
    }

    /** A number as written, cut if it runs over many digits. */
    private String shownNumber() {
        String text = node.asText();
        return text.length() <= MAX_SHOWN ? text : text.substring(0, 20) + "... (" + text.length() + " digits)";
    }

    /** How the node is shown in messages: {@code 'abc'}, {@code 1.5}, {@code a list}, {@code a mapping}. */
    String show() {
        if (node.isTextual()) {
            String text = node.asText();
            return text.length() <= MAX_SHOWN ? "'" + text + "'"
                    : "'" + text.substring(0, MAX_SHOWN) + "...' (" + text.length() + " characters)";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isMissingNode() ? "nothing" : node.asText();
    }
}
