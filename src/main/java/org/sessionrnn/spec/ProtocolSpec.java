package org.sessionrnn.spec;

import java.util.List;

/**
 * How runs are trained and measured.
 *
 * @param fractions       the most recent fractions of the training sequences to train on
 * @param validationShare share of a run's training sequences held out for early stopping (0.1)
 * @param maxLength       inputs are truncated to the last this-many clicks (19)
 * @param cutoff          k of Recall@k and MRR@k (20)
 */
public record ProtocolSpec(List<Fraction> fractions, double validationShare, int maxLength, int cutoff) {
    public ProtocolSpec {
        fractions = List.copyOf(fractions);
    }

    /** The paper's protocol: fractions 1/256, 1/64, 1/16, 1/4, 1; validation share 0.1; max length 19; cutoff 20. */
    public static final ProtocolSpec DEFAULT = new ProtocolSpec(List.of(new Fraction(1, 256), new Fraction(1, 64),
            new Fraction(1, 16), new Fraction(1, 4), Fraction.ONE), 0.1, 19, 20);
}
