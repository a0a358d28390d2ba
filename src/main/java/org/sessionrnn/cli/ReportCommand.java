package org.sessionrnn.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sessionrnn.report.GridStatus;
import org.sessionrnn.report.ReportWriter;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.runner.WorkerOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code report DIR}: regenerates summary.csv, Figure 4, Tables 1 and 2 and, when the folder's spec names one, the
 * leaderboard from an experiment folder alone.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate summary.csv, figure4.png/svg, table1, table2 and the leaderboard (when the spec's "
                + "protocol.leaderboard names one) from an experiment's results folder "
                + "(also merges the shards of a grid run on several machines) and name runs missing or failed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:reports written", "2:bad input: not an experiment folder, no run records, or a corrupt "
                + "run.json or spec.yaml (named); nothing written", "1:an unexpected error (one line; --debug shows "
                + "the stack trace)"})
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ExperimentFolder folder;

    @Override
    public Integer call() throws Exception {
        Path dir = folder.withRuns();
        // every input is read before the first file is written, so that a corrupt one leaves the folder as it was
        if (RunRecordIo.readAll(dir).isEmpty()) {
            throw new UsageException(dir + " holds no run records (no runs/<id>/" + RunRecordIo.FILE_NAME
                    + "): nothing to report");
        }
        GridStatus status = GridStatus.of(dir, WorkerOptions.DEFAULT_STALE_AFTER);
        List<Path> written = ReportWriter.writeAll(dir);
        written.forEach(p -> main.out().println("wrote " + p));
        List<GridStatus.Run> missing = new java.util.ArrayList<>(status.in(GridStatus.State.RUNNING));
        missing.addAll(status.in(GridStatus.State.PENDING));
        for (GridStatus.Run r : missing) {
            main.out().println("missing: " + r.id() + (r.state() == GridStatus.State.RUNNING
                    ? " (running: " + r.detail() + ")" : r.detail().isEmpty() ? "" : " (" + r.detail() + ")"));
        }
        for (GridStatus.Run r : status.in(GridStatus.State.FAILED)) {
            main.out().println("failed: " + r.id() + " (" + r.detail() + ")");
        }
        main.out().printf("%d of %d runs done%s%n", status.in(GridStatus.State.DONE).size(), status.runs().size(),
                missing.isEmpty() && status.in(GridStatus.State.FAILED).isEmpty() ? "" : "; the report covers the "
                        + "runs done so far");
        return 0;
    }
}
