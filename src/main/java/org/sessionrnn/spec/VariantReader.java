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
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).settings() instanceof EnsembleSettings e) {
                checkEnsemble(sections, e, variants, i, protocol);
            }
        }
        return variants;
    }

    /**
     * An ensemble's members: at least two distinct labels (duplicates are refused when the list is read), each of a
     * GRU variant with one GRU size listed before the ensemble, with a cell in common where all of them run.
     */
    private static void checkEnsemble(List<Section> sections, EnsembleSettings e, List<VariantSpec> variants,
                                      int index, ProtocolSpec protocol) {
        Section s = sections.get(index);
        if (!s.has(EnsembleSettings.MEMBERS.name())) {
            throw s.missing(EnsembleSettings.MEMBERS.name(), " (an ensemble averages the variants it names: "
                    + "members: [label, label, ...])");
        }
        Value at = s.value(EnsembleSettings.MEMBERS.name());
        if (e.members().size() < EnsembleSettings.MIN_MEMBERS) {
            throw at.error("an ensemble needs at least " + EnsembleSettings.MIN_MEMBERS + " members, not "
                    + e.members().size());
        }
        List<String> labels = variants.stream().map(VariantSpec::label).toList();
        for (String member : e.members()) {
            int m = labels.indexOf(member);
            if (m < 0) {
                throw at.error("no variant labelled '" + member + "'"
                        + Suggestions.didYouMean(member, labels.subList(0, index)));
            }
            if (m > index) {
                throw at.error("member '" + member + "' is listed after the ensemble; list an ensemble after its "
                        + "members");
            }
            VariantSpec v = variants.get(m);
            if (m == index || !v.neural()) {
                throw at.error("member '" + member + "' is model " + v.model() + "; an ensemble averages the "
                        + "probabilities of GRU models");
            }
            if (v.gruSizes().size() != 1) {
                throw at.error("member '" + member + "' lists " + v.gruSizes().size() + " GRU sizes, so its run "
                        + "in a cell is ambiguous; give " + sections.get(m).path() + ".gru_sizes one size (a variant per size)");
            }
        }
        if (GridExpander.fractions(variants.get(index), variants, protocol).isEmpty()) {
            throw at.error("no fraction is run by all of the members and the ensemble");
        }
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
