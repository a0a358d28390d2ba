package org.sessionrnn.data;

/**
 * A run's training sequences and the sequences held out from them for early stopping.
 *
 * @param train      sequences to fit on, in their original order
 * @param validation held-out sequences, in their original order
 */
public record TrainValidation(SequenceSet train, SequenceSet validation) {
}
