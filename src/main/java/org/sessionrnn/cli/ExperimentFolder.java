package org.sessionrnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The experiment results folder that {@code report} and {@code status} read: their {@code DIR} parameter. */
final class ExperimentFolder {
    @Parameters(index = "0", paramLabel = "DIR", description = "An experiment folder, e.g. results/fractions")
    Path dir;

    /** The folder, once it has a {@code runs/} folder: what a report is made from. */
    Path withRuns() {
        if (!Files.isDirectory(dir.resolve("runs"))) {
            throw notAnExperiment();
        }
        return dir;
    }

    /**
     * The folder, once it has a {@code runs/} folder or at least the {@code spec.yaml} a grid writes before its
     * first run, so that a grid that has only just started has a status too.
     */
    Path started() {
        if (!Files.isDirectory(dir.resolve("runs")) && !Files.exists(dir.resolve("spec.yaml"))) {
            throw notAnExperiment();
        }
        return dir;
    }

    private UsageException notAnExperiment() {
        return new UsageException(dir + " is not an experiment results folder (it has no runs/ folder)");
    }
}
