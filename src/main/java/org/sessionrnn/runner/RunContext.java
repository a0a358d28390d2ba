package org.sessionrnn.runner;

import java.io.PrintStream;
import java.nio.file.Path;
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
 */
public record RunContext(ExperimentSpec spec, RunSpec run, ExperimentData data, Path runDir, PrintStream out) {
    public Path checkpoints() {
        return runDir.resolve("checkpoints");
    }
}
