package org.sessionrnn.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sessionrnn.io.Limits;

/** Reads and checks the {@code variants} list of a spec into {@link VariantSpec}s with distinct labels. */
final class VariantReader {
    /** Labels become part of run ids and file names; '-' is reserved as the id separator. */
    private static final String LABEL_PATTERN = "[A-Za-z0-9._]+";

    private VariantReader() {
    }

    static List<VariantSpec> read(Section root, ProtocolSpec protocol) {
        List<VariantSpec> variants = new ArrayList<>();
        Map<String, String> labelled = new HashMap<>();
        List<Section> sections = root.sections("variants");
        for (Section s : sections) {
            VariantSpec variant = variant(s, protocol, sections.size() == 1);
            checkMemory(s, variant, protocol);
            String earlier = labelled.putIfAbsent(variant.label(), s.path());
            if (earlier != null) {
                Value at = s.value(s.has("label") ? "label" : "model");
                throw at.error("duplicate label '" + variant.label() + "' (also used by " + earlier
                        + "); give each variant a distinct label");
            }
            variants.add(variant);
        }
        return variants;
    }

    private static VariantSpec variant(Section s, ProtocolSpec protocol, boolean only) {
        String model = s.choice("model", null, Schema.models(), "model");
        s.checkKeys(Schema.variantKeys(), Schema.variantKeys(model)::contains, "model " + model);
        List<Fraction> fractions = s.list("fractions", List.of(), Value::asFraction, "fraction");
        if (only || !fractions.isEmpty()) {
            checkRunsSomewhere(s, model, fractions.isEmpty() ? protocol.fractions() : fractions);
        }
        if (!fractions.isEmpty()) {
            ProtocolReader.checkSharesOfFull(s.value("fractions"), fractions, protocol.dataFraction());
        }
        return new VariantSpec(label(s, model), model, settings(s, ModelCatalogue.of(model).defaultSettings()),
                fractions);
    }

    /** The kind's settings from the keys it reads (its key table), {@code d}'s for the rest. */
    private static ModelSettings settings(Section s, ModelSettings d) {
        return (ModelSettings) d.keyTable().readOf(s, d);
    }

    /**
     * A GRU variant whose model and one batch cannot fit in this machine's memory even with the smallest
     * catalogue is refused at its sizes; the runner checks again with the real catalogue once the data is
     * loaded.
     */
    private static void checkMemory(Section s, VariantSpec v, ProtocolSpec protocol) {
        if (!v.neural()) {
            return;
        }
        GruTraining t = v.training();
        Limits.Keys keys = new Limits.Keys(s.path() + ".gru_sizes", s.path() + ".embedding",
                s.path() + ".batch_size", "protocol.max_length");
        for (int gru : t.gruSizes()) {
            Limits.memoryProblem(2, t.embedding(), gru, t.batchSize(), protocol.maxLength(), keys)
                    .ifPresent(problem -> {
                        throw (s.has("gru_sizes") ? s.value("gru_sizes") : s.value("model")).error(problem);
                    });
        }
    }

    private static String label(Section s, String model) {
        if (!s.has("label")) {
            return model;
        }
        String label = s.text("label", model);
        if (!label.matches(LABEL_PATTERN)) {
            throw s.value("label").error("'" + label + "' is not a plain label: use letters, digits, '.' and '_' "
                    + "only ('-' separates the parts of run ids)");
        }
        return label;
    }

    /**
     * M2 adapts a model trained on all data to a recent fraction, so it has no run at fraction 1. A spec whose
     * only variant is M2, or an M2 variant whose own {@code fractions} hold only 1, would then run nothing; next to
     * other variants, M2 simply sits a protocol-wide fraction 1 out (so that {@code --set protocol.fractions=[1]}
     * works on the M1-M4 example).
     */
    private static void checkRunsSomewhere(Section s, String model, List<Fraction> fractions) {
        if (!ModelCatalogue.of(model).runsAtFractionOne() && fractions.stream().allMatch(Fraction.ONE::equals)) {
            String where = s.has("fractions") ? "its fractions have" : "protocol.fractions has";
            throw s.value(s.has("fractions") ? "fractions" : "model").error(model
                    + " does not run at fraction 1, and " + where + " no other fraction");
        }
    }
}
