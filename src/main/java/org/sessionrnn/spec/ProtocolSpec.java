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
}
