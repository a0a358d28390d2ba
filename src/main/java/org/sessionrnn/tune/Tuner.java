package org.sessionrnn.tune;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.data.DataException;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.report.ReportWriter;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.runner.ExperimentData;
import org.sessionrnn.runner.WorkerOptions;
import org.sessionrnn.runner.HeldOutput;
import org.sessionrnn.runner.ExperimentRunner;
import org.sessionrnn.runner.GridInterruptedException;
import org.sessionrnn.runner.InterruptHandler;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.SearchSpec;
import org.sessionrnn.spec.SpecWriter;
import org.sessionrnn.spec.TuneSpec;
import org.sessionrnn.train.Durations;

/**
 * Runs a search: draws the trials, then for each rung trains the rung's trials to its epoch budget (one run
 * folder per trial, {@code runs/<trial>/}) and keeps the best {@code 1/eta} on validation Recall@k (MRR@k, then
 * the trial number, break ties) for the next rung. Selection sees a data view without a test split. Afterwards it
 * writes {@code trials.csv}, {@code trials.png} and {@code best.yaml}, runs {@code best.yaml} as {@code run} would
 * (results in {@code best/}), and writes the best setting's test metrics to {@code test.csv}.
 *
 * <p>Resumable like {@code run}: a rung a trial finished (recorded in its {@code trial.json}) is not trained
 * again, an unfinished one resumes from the trial's checkpoint, and a promoted trial continues training from its
 * last epoch instead of starting over. {@code trials.csv} is rewritten after every trial, so it shows progress.
 */
public final class Tuner {
    /** Every trial, its settings and validation metrics per rung. */
    public static final String TRIALS_CSV = TrialsTable.FILE_NAME;
    /** The winning setting as a runnable spec. */
    public static final String BEST_YAML = "best.yaml";
    /** Validation Recall@k of every trial at every rung. */
    public static final String CHART = "trials.png";
    /** Test metrics of the best setting's final runs. */
    public static final String TEST_CSV = "test.csv";
    /** The final runs' experiment name: {@code best.yaml} writes into {@code <tune folder>/best/}. */
    public static final String BEST_NAME = "best";
    private static final String BUDGET_FILE = "budget.json";

    /** How long progress is held back while the inputs are checked (longer checks show theirs). */
    private static final double HOLD_SECONDS = 10;

    private final TuneSpec spec;
    private final boolean force;
    private final PrintStream out;

    /**
     * @param spec  the validated tune spec
     * @param force start every trial afresh and rerun the final runs
     * @param out   progress output
     */
    public Tuner(TuneSpec spec, boolean force, PrintStream out) {
        this.spec = spec;
        this.force = force;
        this.out = out;
    }

    /**
     * What a search produced.
     *
     * @param trials   every trial with its results
     * @param winner   the selected trial
     * @param bestSpec the spec of the winning setting ({@code best.yaml})
     * @param test     the final runs of the best setting, evaluated on the test set
     */
    public record Result(List<TrialOutcome> trials, TrialOutcome winner, ExperimentSpec bestSpec,
                         List<RunRecord> test) {
    }

    /**
     * Runs selection, then the best setting's final runs.
     *
     * @throws GridInterruptedException on Ctrl-C (rerun to continue)
     * @throws DataException            on bad data, before anything runs
     */
    public Result run() throws IOException {
        long start = System.nanoTime();
        ExperimentSpec base = spec.base();
        SearchSpec search = spec.search();
        Path dir = base.experimentDir();
        // progress is held while the inputs are checked, so that a refusal prints only its error line
        HeldOutput held = new HeldOutput(out, HOLD_SECONDS);
        PrintStream checking = held.stream();
        List<Trial> trials = TrialSampler.draw(search, checking);
        List<Integer> budgets = Rungs.budgets(search);
        checking.printf("Tuning '%s' of '%s': %d trials, rungs of %s epochs keeping 1/%d, results in %s%n",
                search.variant(), base.name(), trials.size(), budgets, search.eta(), dir);
        checkTestFileExists(base);
        Selection selection;
        // nothing is written before the data and the first trial are checked: the folder is only probed until then
        String specHash = SpecWriter.specHash(base);
        Workers.checkAvailable(dir, Shard.ALL, specHash, WorkerOptions.DEFAULT_STALE_AFTER);
        try (InterruptHandler ctrlC = InterruptHandler.install()) {
            ExperimentData data = loadTrainingData(base, checking);
            SelectionRuns runs = new SelectionRuns(spec, data, dir, force, checking);
            runs.preflight(trials.get(0));
            held.release();
            selection = select(trials, budgets, search, runs, dir, specHash, ctrlC);
        }
        TrialOutcome winner = selection.winner();
        ExperimentSpec best = spec.withSettings(winner.trial().settings(), BEST_NAME, dir);
        AtomicFiles.writeString(dir.resolve(BEST_YAML), bestYaml(best, winner, selection.outcomes().size()));
        out.printf("%nBest of %d trials: %s %s (validation Recall@%d %.4f, MRR@%d %.4f after %d epochs)%n",
                selection.outcomes().size(), winner.trial().id(), TrialText.settingsText(winner.trial().settings()),
                base.protocol().cutoff(), winner.last().recall(), base.protocol().cutoff(), winner.last().mrr(),
                winner.last().epochs());
        out.printf("Selection took %s. Training the best setting as the spec says and evaluating it on the test "
                + "set once (%s)%n", Durations.format((System.nanoTime() - start) / 1e9), dir.resolve(BEST_NAME));
        List<RunRecord> test = new ExperimentRunner(best, force, out, ReportWriter.GRID).run();
        TestMetrics.write(test, dir.resolve(TEST_CSV));
        out.printf("%nTest metrics of the best setting: %s%n", dir.resolve(TEST_CSV));
        return new Result(selection.outcomes(), winner, best, test);
    }

    /**
     * Selection with the folder to itself, registered as the one worker on it as an unsharded runner would be
     * ({@link Workers}), once the data and the first trial passed their checks.
     */
    private Selection select(List<Trial> trials, List<Integer> budgets, SearchSpec search, SelectionRuns runs,
                             Path dir, String specHash, InterruptHandler ctrlC) throws IOException {
        Duration staleAfter = WorkerOptions.DEFAULT_STALE_AFTER;
        try (Heartbeat heartbeat = new Heartbeat(Heartbeat.intervalFor(staleAfter));
             Workers registration = Workers.register(dir, WorkerId.create(), Shard.ALL, specHash, false, staleAfter,
                     heartbeat, out)) {
            Files.createDirectories(dir.resolve("runs"));
            ctrlC.arm();
            Selection selection = new Selection(trials, budgets, search, runs, new TimeBudget(
                    dir.resolve(BUDGET_FILE), search.budgetMinutes(), force), dir, out);
            selection.run();
            TrialsChart.write(selection.outcomes(), budgets, spec.base().protocol().cutoff(), dir.resolve(CHART));
            return selection;
        }
    }

    /** The test file of an already split pair must exist now, though selection never opens it. */
    private static void checkTestFileExists(ExperimentSpec base) {
        Path test = base.data().test();
        if (test != null && !Files.isRegularFile(test)) {
            throw new DataException("data test " + test.toAbsolutePath().normalize() + " not found (source '"
                    + base.data().source() + "')");
        }
    }

    private static ExperimentData loadTrainingData(ExperimentSpec base, PrintStream out) {
        out.println("Preparing the training data (" + base.data().source() + "); the test split stays unread");
        Dataset dataset = new DataLoader(base.output().resolve(".cache"), PreprocessListener.printingTo(out))
                .loadTraining(base.data());
        ExperimentData data = ExperimentData.withoutTest(dataset, dataset.trainByTime());
        out.printf("Data '%s': %,d items, %,d training sequences%n", dataset.name(), data.items(),
                data.trainByTime().size());
        return data;
    }

    private static String bestYaml(ExperimentSpec best, TrialOutcome winner, int trials) {
        RungResult last = winner.last();
        return String.format(java.util.Locale.ROOT, "# The best of %d trials of tune: %s %s%n# (validation Recall@%d "
                + "%.4f, MRR@%d %.4f after %d epochs). Run it with: java -jar runner.jar <this file>%n", trials,
                winner.trial().id(), TrialText.settingsText(winner.trial().settings()), best.protocol().cutoff(), last.recall(),
                best.protocol().cutoff(), last.mrr(), last.epochs()) + SpecWriter.toYaml(best);
    }
}
