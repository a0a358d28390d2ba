package org.sessionrnn.runner;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sessionrnn.model.DistillationModel;
import org.sessionrnn.model.EmbeddingOutputModel;
import org.sessionrnn.model.SessionModel;
import org.sessionrnn.model.SoftmaxModel;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.spec.VariantSpec;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.RunSpec;

/**
 * Checks, before the first run starts, that every run has an executor and every distinct graph builds, so a
 * grid does not fail hours in on something knowable up front.
 */
final class Preflight {
    private Preflight() {
    }

    static void check(List<RunSpec> runs, ExperimentData data, ExperimentSpec spec, PrintStream out) {
        Set<String> built = new LinkedHashSet<>();
        for (RunSpec run : runs) {
            Executors.forModel(run.variant().model());
            if (run.variant().neural() && built.add(run.variant().label() + "/" + run.gruSize())) {
                buildOnce(run, data, spec);
            }
        }
        if (!built.isEmpty()) {
            out.println("Checked " + built.size() + " model graph(s): " + String.join(", ", built));
        }
    }

    private static void buildOnce(RunSpec run, ExperimentData data, ExperimentSpec spec) {
        int items = data.items();
        int embedding = run.variant().embedding();
        int steps = spec.protocol().maxLength();
        try (SessionModel model = build(run, items, embedding, steps)) {
            model.parameterCount();
        }
    }

    /** The variant's graph with placeholder weights where it would start from trained ones. */
    private static SessionModel build(RunSpec run, int items, int embedding, int steps) {
        VariantSpec v = run.variant();
        return switch (v.model()) {
            case "m3" -> DistillationModel.create(items, embedding, run.gruSize(), steps, run.seed(),
                    untrained(run, items, embedding, steps), v.lambda(), v.temperature(), v.softLabelTopK());
            case "m4" -> EmbeddingOutputModel.create(items, embedding, run.gruSize(),
                    EmbeddingOutputRun.hiddenSize(v, run.gruSize()), steps, run.seed(),
                    untrained(run, items, embedding, steps));
            default -> SoftmaxModel.create(items, embedding, run.gruSize(), steps, run.seed());
        };
    }

    /** Stand-in for the trained M1 a variant reads (teacher or pre-trained model). */
    private static SoftmaxWeights untrained(RunSpec run, int items, int embedding, int steps) {
        try (SoftmaxModel m = SoftmaxModel.create(items, embedding, run.gruSize(), steps, run.seed())) {
            return SoftmaxWeights.of(m);
        }
    }
}
