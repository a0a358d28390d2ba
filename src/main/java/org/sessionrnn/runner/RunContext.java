package org.sessionrnn.runner;

import java.io.PrintStream;
import java.nio.file.Path;
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.RunSpec;

/**
 * Everything one run needs.
 *
 * @param spec   the experiment
 * @param run    the grid cell
 * @param data   the shared data
 * @param runDir the run's results folder (exists)
 * @param out    where progress goes
 * @param epochBudget when above 0, the run's own model trains at most this many epochs in all, however many
 *                    the variant allows (a rung of a hyperparameter search); models it depends on (M3's teacher,
 *                    the pre-trained M1 of M2 and M4) still train as the variant says
 * @param claims the experiment folder's claims, for work shared between runs of several workers (the pre-trained
 *               M1); null where one process has the folder to itself (a hyperparameter search)
 */
public record RunContext(ExperimentSpec spec, RunSpec run, ExperimentData data, Path runDir, PrintStream out,
                         int epochBudget, ClaimBoard claims) {
    /** A run trained as its variant says, alone on its folder. */
    public RunContext(ExperimentSpec spec, RunSpec run, ExperimentData data, Path runDir, PrintStream out) {
        this(spec, run, data, runDir, out, 0, null);
    }

    /** A run with an epoch budget, alone on its folder. */
    public RunContext(ExperimentSpec spec, RunSpec run, ExperimentData data, Path runDir, PrintStream out,
                      int epochBudget) {
        this(spec, run, data, runDir, out, epochBudget, null);
    }

    public Path checkpoints() {
        return runDir.resolve("checkpoints");
    }
}
