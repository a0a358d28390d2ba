package org.sessionrnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.report.ReportWriter;
import org.sessionrnn.runner.ExperimentRunner;
import org.sessionrnn.runner.WorkerOptions;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.SpecLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code run SPEC}: validates the spec and data, then trains and evaluates every run of the grid. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment spec (the default command: 'runner.jar SPEC.yaml' is 'runner.jar run SPEC.yaml').")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "SPEC", description = "YAML experiment spec, e.g. experiments/fractions.yaml")
    Path spec;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a spec value, e.g. --set data.source=gru4rec")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", description = "Results root folder (default: the spec's output, 'results')")
    Path output;

    @Option(names = "--force", description = "Rerun runs that are already done")
    boolean force;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run shard I of N (I from 0 to N-1) of the grid; "
            + "default: from SLURM_ARRAY_TASK_ID/_MIN/_COUNT or JOB_COMPLETION_INDEX with SESSIONRNN_SHARDS, "
            + "else the whole grid")
    String shard;

    @Option(names = "--steal", description = "After this shard's runs, take runs of other shards nobody has claimed yet")
    boolean steal;

    @Option(names = "--stale-after", paramLabel = "MINUTES", description = "Take over a claim whose worker sent no "
            + "heartbeat for this long (default: 5; decimals allowed)")
    String staleAfter;

    @Option(names = "--threads", paramLabel = "N", description = "TensorFlow threads per pool (default: "
            + "SLURM_CPUS_PER_TASK, else the container's CPU limit, else all cores)")
    String threads;

    @Override
    public Integer call() throws Exception {
        checkLooksLikeASpec();
        CheckpointInterval.check();
        WorkerOptions worker = WorkerFlags.options(shard, steal, staleAfter, System.getenv());
        WorkerFlags.applyThreads(threads);
        ExperimentSpec experiment = SpecLoader.load(spec, overrides, output);
        List<RunRecord> records = new ExperimentRunner(experiment, force, main.out(), worker, ReportWriter.GRID).run();
        long failed = records.stream().filter(r -> r.status() == RunStatus.FAILED).count();
        if (failed > 0) {
            main.err().println("error: " + failed + " of " + records.size() + " runs failed (see summary.csv)");
            return 1;
        }
        return 0;
    }

    /**
     * {@code runner.jar SPEC} is short for {@code runner.jar run SPEC}, so a mistyped command arrives here as a
     * spec path: name it as what it most likely is.
     */
    private void checkLooksLikeASpec() {
        String name = spec.getFileName() == null ? "" : spec.getFileName().toString();
        if (!Files.exists(spec) && !name.endsWith(".yaml") && !name.endsWith(".yml") && spec.getParent() == null) {
            throw new UsageException("unknown command or spec file '" + spec + "' (commands: run, tune, report, status, "
                    + "compare, bench, export, recommend, serve; "
                    + "a spec file ends in .yaml)");
        }
    }
}
