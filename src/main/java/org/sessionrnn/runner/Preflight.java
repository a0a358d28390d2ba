package org.sessionrnn.runner;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sessionrnn.model.SessionModel;
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
            RunnableKind kind = RunnableKind.of(run.variant().model());
            if (kind.neural() && built.add(run.variant().label() + "/" + run.gruSize())) {
                try (SessionModel model = kind.preflightGraph(
                        new ModelFactory(run, data.items(), spec.protocol().maxLength()))) {
                    model.parameterCount();
                }
            }
        }
        if (!built.isEmpty()) {
            out.println("Checked " + built.size() + " model graph(s): " + String.join(", ", built));
        }
    }
}
