package org.sessionrnn.spec;

/**
 * The settings of a GRU model: how it is trained ({@link GruTraining}, the same keys for every GRU kind, first in
 * its {@link KeyTable}) and the options of its own architecture and loss.
 */
public sealed interface GruSettings extends ModelSettings
        permits SoftmaxSettings, DistillationSettings, EmbeddingOutputSettings {
    /** How the model is trained. */
    GruTraining training();
}
