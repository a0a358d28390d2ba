package org.sessionrnn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.spec.SpecLoader;
import org.sessionrnn.spec.TuneSpec;
import org.sessionrnn.tune.Tuner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tune SPEC}: random search with successive halving over the keys of the spec's {@code search} section,
 * selected on validation metrics, then the best setting trained as the spec says and evaluated on the test set.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search the hyperparameters listed in the spec's 'search' section (random search with "
                + "successive halving on validation Recall@k), then train the best setting and evaluate it on the "
                + "test set once. Writes trials.csv, trials.png, best.yaml and test.csv to output/name.")
final class TuneCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "SPEC", description = "YAML spec with a search section, e.g. experiments/tune-m1.yaml")
    Path spec;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a spec value, e.g. --set search.eta=2")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--output", paramLabel = "DIR", description = "Results root folder (default: the spec's output, 'results')")
    Path output;

    @Option(names = "--trials", paramLabel = "N", description = "Number of settings to draw (default: search.trials, 10)")
    Integer trials;

    @Option(names = "--budget-minutes", paramLabel = "M",
            description = "Stop starting trials once selection has trained this long, over all invocations (default: search.budget_minutes, none)")
    Double budgetMinutes;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the draws (default: search.seed, 1)")
    Long seed;

    @Option(names = "--force", description = "Start every trial afresh and rerun the best setting")
    boolean force;

    @Override
    public Integer call() throws Exception {
        CheckpointInterval.check();
        Map<String, String> flags = new LinkedHashMap<>();
        put(flags, "trials", trials);
        put(flags, "budget_minutes", budgetMinutes);
        put(flags, "seed", seed);
        TuneSpec tune = SpecLoader.loadTune(spec, overrides, output, flags);
        Tuner.Result result = new Tuner(tune, force, main.out()).run();
        long failed = result.test().stream().filter(r -> r.status() == RunStatus.FAILED).count();
        if (failed > 0) {
            main.err().println("error: " + failed + " of " + result.test().size() + " final runs failed");
            return 1;
        }
        return 0;
    }

    private static void put(Map<String, String> flags, String key, Object value) {
        if (value != null) {
            flags.put(key, String.valueOf(value));
        }
    }
}
