package org.sessionrnn.runner;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import org.sessionrnn.data.DataException;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.data.SequenceSplitter;
import org.sessionrnn.data.TrainValidation;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.spec.DistillationSettings;
import org.sessionrnn.spec.EnsembleSettings;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.io.Limits;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.VariantSpec;

/**
 * Checks, before the first run starts and before anything is written, that every run can work on the loaded
 * data (a cutoff and top k within the catalogue, training and validation sequences, a model and batch that fit
 * in memory), has an executor, and that every distinct graph builds, so a grid does not fail hours in, or write
 * meaningless results, on something knowable up front.
 */
final class Preflight {
    /** Fractions with at most this many sequences are split up front to check both sides are non-empty. */
    private static final int SMALL_SET = 100_000;
    /** The score kind of a block whose softmax is its predicted distribution. */
    private static final String LOGIT = "logit";

    private Preflight() {
    }

    static void check(List<RunSpec> runs, ExperimentData data, ExperimentSpec spec, PrintStream out) {
        checkCutoffs(spec, data);
        for (RunSpec run : runs) {
            RunnableKind kind = RunnableKind.of(run.variant().model());
            checkSequences(run, kind, data, spec);
            if (kind.neural()) {
                checkMemory(run, data, spec);
            }
        }
        Set<String> built = new LinkedHashSet<>();
        Map<String, String> scoreKinds = new HashMap<>();
        for (RunSpec run : runs) {
            RunnableKind kind = RunnableKind.of(run.variant().model());
            if (kind.neural() && built.add(run.variant().label() + "/" + run.gruSize())) {
                try (NeuralModel model = NeuralModel.build(kind.model(
                        new ModelFactory(run, data.items(), spec.protocol().maxLength())))) {
                    model.parameterCount();
                    scoreKinds.put(run.variant().label(), model.block().scoreKind());
                }
            }
        }
        checkEnsembleMembers(spec, scoreKinds);
        if (!built.isEmpty()) {
            out.println("Checked " + built.size() + " model graph(s): " + String.join(", ", built));
        }
    }

    /**
     * An ensemble averages softmax probabilities, which only logits give: a member that scores by cosine (m4) is
     * refused. The spec reader has checked the rest (members are earlier GRU variants with one size).
     */
    private static void checkEnsembleMembers(ExperimentSpec spec, Map<String, String> scoreKinds) {
        for (VariantSpec v : spec.variants()) {
            if (v.settings() instanceof EnsembleSettings e) {
                for (String member : e.members()) {
                    String kind = scoreKinds.get(member);
                    if (kind != null && !kind.equals(LOGIT)) {
                        throw new DataException("variants." + v.label() + ".members: member '" + member
                                + "' scores items by " + kind + ", not by logits, so its softmax is no prediction "
                                + "of probabilities; an ensemble averages models with a softmax output");
                    }
                }
            }
        }
    }

    /** Rankings are cut at {@code protocol.cutoff} and soft labels at their top k: both need that many items. */
    private static void checkCutoffs(ExperimentSpec spec, ExperimentData data) {
        int items = data.items();
        if (spec.protocol().cutoff() > items) {
            throw new DataException("protocol.cutoff " + spec.protocol().cutoff() + " is more than the " + items
                    + " items of data '" + data.dataset().name() + "'; lower protocol.cutoff");
        }
        for (VariantSpec v : spec.variants()) {
            if (v.settings() instanceof DistillationSettings m3 && m3.softLabelTopK() > items) {
                throw new DataException("variants." + v.label() + ".soft_label_top_k " + m3.softLabelTopK()
                        + " is more than the " + items + " items of data '" + data.dataset().name() + "'");
            }
        }
    }

    /**
     * Every run needs training sequences in its fraction; a GRU run also needs, for early stopping, validation
     * sequences from another session. With few sequences (a tiny fraction of little data) either can be empty.
     * Only small sets are split here: with many sessions neither side can end up empty.
     */
    private static void checkSequences(RunSpec run, RunnableKind kind, ExperimentData data, ExperimentSpec spec) {
        SequenceSet fraction = SequenceSplitter.recentFraction(data.trainByTime(), run.fraction());
        String what = "run " + run.id() + ": fraction " + run.fraction() + " of data '" + data.dataset().name()
                + "' selects " + fraction.size() + " training sequence(s)";
        if (fraction.size() == 0) {
            throw new DataException(what + "; use a larger fraction in protocol.fractions or more data");
        }
        if (!kind.neural() || fraction.size() > SMALL_SET) {
            return;
        }
        TrainValidation split = SequenceSplitter.validationSplit(fraction, spec.protocol().validationShare(),
                run.seed(), data.dataset().holdout());
        if (split.validation().size() == 0) {
            throw new DataException(what + ", all from one session, so none is left for validation "
                    + "(protocol.validation_share holds out whole sessions); use a larger fraction in "
                    + "protocol.fractions or more data");
        }
        if (split.train().size() == 0) {
            throw new DataException(what + " and protocol.validation_share " + spec.protocol().validationShare()
                    + " holds out all of them for validation; use a larger fraction or more data");
        }
    }

    /** The model and a batch must fit in memory at the catalogue's real size (the spec only knew a bound). */
    private static void checkMemory(RunSpec run, ExperimentData data, ExperimentSpec spec) {
        VariantSpec v = run.variant();
        String at = "variants." + v.label();
        Limits.Keys keys = new Limits.Keys(at + ".gru_sizes", at + ".embedding", at + ".batch_size",
                "protocol.max_length");
        Limits.memoryProblem(data.items(), v.training().embedding(), run.gruSize(), v.training().batchSize(),
                spec.protocol().maxLength(),
                keys).ifPresent(problem -> {
                    throw new DataException("variant " + v.label() + ": " + problem);
                });
    }
}
