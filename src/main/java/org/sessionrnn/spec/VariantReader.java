package org.sessionrnn.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and checks the {@code variants} list of a spec into {@link VariantSpec}s with distinct labels. */
final class VariantReader {
    /** Labels become part of run ids and file names; '-' is reserved as the id separator. */
    private static final String LABEL_PATTERN = "[A-Za-z0-9._]+";
    private static final Interval LAYER = Interval.upTo(1, Limits.MAX_LAYER);

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
        if (only) {
            checkRunsSomewhere(s, model, protocol);
        }
        VariantSpec d = VariantSpec.defaults(model);
        return new VariantSpec(label(s, model), model,
                s.list("gru_sizes", d.gruSizes(), v -> v.asInt(LAYER), "GRU size"),
                s.integer("embedding", d.embedding(), LAYER),
                s.decimal("embedding_dropout", d.embeddingDropout(), Interval.UNIT_RIGHT_OPEN),
                s.integer("batch_size", d.batchSize(), Interval.upTo(1, Limits.MAX_BATCH)),
                s.decimal("learning_rate", d.learningRate(), Interval.POSITIVE),
                s.integer("max_epochs", d.maxEpochs(), Interval.AT_LEAST_ONE),
                s.integer("patience", d.patience(), Interval.AT_LEAST_ONE),
                s.decimal("lambda", d.lambda(), Interval.UNIT_CLOSED),
                s.decimal("temperature", d.temperature(), Interval.POSITIVE),
                s.integer("soft_label_top_k", d.softLabelTopK(), Interval.upTo(0, Limits.MAX_TOP)),
                s.integer("hidden_size", d.hiddenSize(), Interval.upTo(0, Limits.MAX_LAYER)),
                s.integer("neighbours", d.neighbours(), Interval.upTo(1, Limits.MAX_TOP)),
                s.decimal("knn_lambda", d.knnLambda(), Interval.NON_NEGATIVE),
                s.decimal("knn_alpha", d.knnAlpha(), Interval.UNIT_CLOSED),
                s.decimal("output_dropout", d.outputDropout(), Interval.UNIT_RIGHT_OPEN),
                s.decimal("clip_norm", d.clipNorm(), Interval.NON_NEGATIVE),
                s.longValue("warmup_steps", d.warmupSteps(), Interval.NON_NEGATIVE),
                s.decimal("learning_rate_decay", d.learningRateDecay(), Interval.UNIT_LEFT_OPEN),
                s.bool("tied_embedding", d.tiedEmbedding()),
                s.choice("optimizer", d.optimizer(), VariantSpec.OPTIMIZERS, "optimizer"),
                s.decimal("momentum", d.momentum(), Interval.UNIT_RIGHT_OPEN),
                s.bool("refit", d.refit()));
    }

    /**
     * A GRU variant whose model and one batch cannot fit in this machine's memory even with the smallest
     * catalogue is refused at its sizes; the runner checks again with the real catalogue once the data is
     * loaded.
     */
    private static void checkMemory(Section s, VariantSpec v, ProtocolSpec protocol) {
        if (!ModelCatalogue.of(v.model()).neural()) {
            return;
        }
        Limits.Keys keys = new Limits.Keys(s.path() + ".gru_sizes", s.path() + ".embedding",
                s.path() + ".batch_size", "protocol.max_length");
        for (int gru : v.gruSizes()) {
            Limits.memoryProblem(2, v.embedding(), gru, v.batchSize(), protocol.maxLength(), keys)
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
     * only variant is M2 would then run nothing; next to other variants, M2 simply sits such a grid out (so that
     * {@code --set protocol.fractions=[1]} works on the M1-M4 example).
     */
    private static void checkRunsSomewhere(Section s, String model, ProtocolSpec protocol) {
        if (!ModelCatalogue.of(model).runsAtFractionOne() && protocol.fractions().stream().allMatch(Fraction.ONE::equals)) {
            throw s.value("model").error(model + " does not run at fraction 1, and protocol.fractions has no other "
                    + "fraction");
        }
    }
}
