package org.sessionrnn.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model variant of a spec: its label, its model kind and that kind's typed settings.
 *
 * @param label    unique name of the variant in the spec (defaults to the model name)
 * @param model    the kind's name in a spec, e.g. {@code m1}
 * @param settings the kind's settings: {@link SoftmaxSettings} (M1, M2, m1plus), {@link DistillationSettings} (M3),
 *                 {@link EmbeddingOutputSettings} (M4), {@link ItemKnnSettings}, {@link NoSettings} (POP, S-POP),
 *                 {@link EnsembleSettings}
 * @param fractions the training fractions this variant runs at, in place of {@code protocol.fractions}; empty
 *                 for the protocol's. A run's fraction is part of its id and cell, so this list is not part of
 *                 the variant's configuration text.
 */
public record VariantSpec(String label, String model, ModelSettings settings, List<Fraction> fractions) {
    /** Copies the fraction list. */
    public VariantSpec {
        fractions = List.copyOf(fractions);
    }

    /** A variant that runs at the protocol's fractions. */
    public VariantSpec(String label, String model, ModelSettings settings) {
        this(label, model, settings, List.of());
    }

    /** The kind's defaults ({@link ModelSchema#defaultSettings()}), labelled with the model name. */
    public static VariantSpec defaults(String model) {
        return new VariantSpec(model, model, ModelCatalogue.of(model).defaultSettings());
    }

    /** True for the GRU models. */
    public boolean neural() {
        return settings instanceof GruSettings;
    }

    /** How this GRU model is trained; only for GRU models ({@link #neural()}). */
    public GruTraining training() {
        return settings(GruSettings.class).training();
    }

    /** The GRU sizes to run, one run each; a baseline runs once, with size 0. */
    public List<Integer> gruSizes() {
        return settings instanceof GruSettings gru ? gru.training().gruSizes() : List.of(0);
    }

    /** The settings as {@code type}, which the caller knows its kind has. */
    public <T extends ModelSettings> T settings(Class<T> type) {
        if (!type.isInstance(settings)) {
            throw new IllegalStateException("variant " + label + " (model " + model + ") has no "
                    + type.getSimpleName());
        }
        return type.cast(settings);
    }

    /** The fractions this variant runs at: its own list, or else {@code protocol}'s. */
    public List<Fraction> fractions(ProtocolSpec protocol) {
        return fractions.isEmpty() ? protocol.fractions() : fractions;
    }

    /**
     * {@code label}, {@code model}, the variant's own {@code fractions} where it has them, and the settings' keys
     * with their values, in writing order.
     */
    public Map<String, Object> specValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("label", label);
        values.put("model", model);
        if (!fractions.isEmpty()) {
            values.put("fractions", fractions);
        }
        values.putAll(settings.specValues());
        return values;
    }

    /**
     * The text that fingerprints this variant in every run's configuration hash ({@link ConfigText}): unchanged
     * since the first results were written, so that they are still recognised as done.
     */
    @Override
    public String toString() {
        return ConfigText.of(label, model, settings);
    }
}
