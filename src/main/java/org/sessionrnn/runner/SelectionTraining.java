package org.sessionrnn.runner;

import java.io.PrintStream;
import java.util.List;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.RunSpec;

/**
 * Trains runs for hyperparameter selection: the run's own executor, with its checkpoints and resume, on data
 * that has no test split, so the outcome carries validation metrics only ({@link RunOutcome#test()} and the
 * timing are null). An epoch budget in the {@link RunContext} caps the run's training; a later call with a larger
 * budget continues from the last epoch's checkpoint.
 */
public final class SelectionTraining {
    private SelectionTraining() {
    }

    /** Checks before the first trial that the runs have an executor and their graphs build. */
    public static void preflight(ExperimentSpec spec, List<RunSpec> runs, ExperimentData data, PrintStream out) {
        Preflight.check(runs, data, spec, out);
    }

    /**
     * Trains the run of {@code c} up to its epoch budget.
     *
     * @throws IllegalArgumentException if {@code c}'s data has a test split: selection must not be able to see it
     */
    public static RunOutcome train(RunContext c) throws Exception {
        if (c.data().hasTest()) {
            throw new IllegalArgumentException("selection trains on data without a test split");
        }
        return RunnableKind.of(c.run().variant().model()).newExecutor().execute(c);
    }
}
