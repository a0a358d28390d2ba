package org.sessionrnn.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.report.GridStatus;
import org.sessionrnn.runner.WorkerOptions;
import org.sessionrnn.train.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code status DIR}: runs done, running (who, since, how far), failed (why), pending, and the time left. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show where a grid stands from its results folder: runs done, running (worker, since, "
                + "progress), failed (why), pending, live workers and an estimate of the time left.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:status shown", "2:bad input: not an experiment folder, or a corrupt run.json or spec.yaml "
                + "(named)", "1:an unexpected error (one line; --debug shows the stack trace)"})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ExperimentFolder folder;

    @Override
    public Integer call() throws Exception {
        Path dir = folder.started();
        GridStatus status = GridStatus.of(dir, WorkerOptions.DEFAULT_STALE_AFTER);
        main.out().printf("%s: %d runs: %d done, %d running, %d failed, %d pending%n", dir, status.runs().size(),
                status.in(GridStatus.State.DONE).size(), status.in(GridStatus.State.RUNNING).size(),
                status.in(GridStatus.State.FAILED).size(), status.in(GridStatus.State.PENDING).size());
        main.out().println("live workers: " + (status.workers().isEmpty() ? "none" : ""));
        for (Workers.Worker w : status.workers()) {
            main.out().println("  " + w.describe());
        }
        for (GridStatus.State state : GridStatus.State.values()) {
            var runs = status.in(state);
            if (!runs.isEmpty()) {
                main.out().println(state.name().toLowerCase() + ":");
                int width = runs.stream().mapToInt(r -> r.id().length()).max().orElse(0);
                runs.forEach(r -> main.out().printf("  %-" + width + "s  %s%n", r.id(), r.detail()).flush());
            }
        }
        main.out().println("estimated time left: " + status.eta().map(StatusCommand::format)
                .orElse("unknown until a run has finished"));
        return 0;
    }

    private static String format(Duration d) {
        return d.isZero() ? "none" : Durations.format(d.toSeconds())
                + " (mean time of the finished runs x runs left / live workers)";
    }
}
