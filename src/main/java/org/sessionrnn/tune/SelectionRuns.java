package org.sessionrnn.tune;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sessionrnn.io.Folders;
import org.sessionrnn.io.Sha256;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.runner.ExperimentData;
import org.sessionrnn.runner.RunAttempt;
import org.sessionrnn.runner.RunContext;
import org.sessionrnn.runner.RunOutcome;
import org.sessionrnn.runner.SelectionTraining;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.Fraction;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecWriter;
import org.sessionrnn.spec.TuneSpec;
import org.sessionrnn.spec.VariantSpec;

/**
 * Trains one trial at one rung in its run folder, {@code runs/<trial>/}, through the runner's {@link RunAttempt}:
 * {@code trial.json} (see {@link TrialState}), {@code run.json} (status, training facts, per-epoch validation
 * history; no test evaluation) and the checkpoints of the runner's checkpointed training. A rung already recorded
 * is reused; a trial whose recorded configuration differs (other data or settings) starts over in an emptied
 * folder.
 */
final class SelectionRuns {
    private final TuneSpec spec;
    private final ExperimentData data;
    private final Path runsDir;
    private final boolean force;
    private final PrintStream out;
    private final Set<String> restarted = new HashSet<>();

    SelectionRuns(TuneSpec spec, ExperimentData data, Path dir, boolean force, PrintStream out) {
        this.spec = spec;
        this.data = data;
        this.runsDir = dir.resolve("runs");
        this.force = force;
        this.out = out;
    }

    /** Builds the graph of the first trial before anything is written. */
    void preflight(Trial first) {
        ExperimentSpec trialSpec = trialSpec(first);
        SelectionTraining.preflight(trialSpec, List.of(runOf(first, trialSpec)), data, out);
    }

    /** The recorded result of {@code trial} at {@code rung}, if this configuration finished it earlier. */
    Optional<RungResult> recorded(Trial trial, int rung) {
        if (force && !restarted.contains(trial.id())) {
            return Optional.empty();
        }
        ExperimentSpec trialSpec = trialSpec(trial);
        return previous(runsDir.resolve(trial.id()), trialSpec, runOf(trial, trialSpec)).flatMap(s -> s.at(rung));
    }

    /** Trains {@code trial} to {@code budget} epochs in all (continuing from its checkpoint) and records the rung. */
    RungResult train(Trial trial, int rung, int budget) throws IOException {
        ExperimentSpec trialSpec = trialSpec(trial);
        RunSpec run = runOf(trial, trialSpec);
        String hash = RunAttempt.configHash(trialSpec, run, data);
        Path runDir = runsDir.resolve(trial.id());
        Optional<TrialState> previous = previous(runDir, trialSpec, run);
        if (previous.isEmpty() || (force && restarted.add(trial.id()))) {
            Folders.deleteTree(runDir);
            previous = Optional.empty();
        }
        Files.createDirectories(runDir);
        TrialState state = previous.orElse(new TrialState(hash, trial.settings(), List.of()));
        state.write(runDir);
        restarted.add(trial.id());
        RunAttempt.Ended ended = new RunAttempt(new RunContext(trialSpec, run, data, runDir, out, budget),
                facts(trial, rung, budget)).run(SelectionTraining::train);
        RungResult result = ended.failed()
                ? new RungResult(rung, budget, 0, 0, Double.NaN, Double.NaN, ended.record().failure())
                : rungResult(rung, budget, ended.outcome());
        state.with(result).write(runDir);
        return result;
    }

    /**
     * The trial's state if it was recorded under this configuration, hashed as every run is
     * ({@link RunAttempt#configHash}). A state that carries the hash of the trial's whole resolved spec instead,
     * as searches recorded it before, is this configuration's too: it is taken with the run hash, which the trial
     * writes when it next trains, so that such a search resumes rather than starting over.
     */
    private Optional<TrialState> previous(Path runDir, ExperimentSpec trialSpec, RunSpec run) {
        String hash = RunAttempt.configHash(trialSpec, run, data);
        String specHash = Sha256.ofText(data.dataset().dataHash() + "\n"
                + SpecWriter.toYaml(trialSpec.withoutReportKeys()) + "\n" + run, 16);
        return TrialState.read(runDir).filter(s -> s.configHash().equals(hash) || s.configHash().equals(specHash))
                .map(s -> s.hashed(hash));
    }

    /** The validation metrics of the epoch whose weights the trial kept. */
    private static RungResult rungResult(int rung, int budget, RunOutcome outcome) {
        int best = outcome.bestEpoch();
        EpochRecord stats = outcome.history().stream().filter(e -> e.epoch() == best).findFirst().orElse(null);
        return new RungResult(rung, budget, outcome.history().size(), best,
                stats == null ? Double.NaN : stats.validationRecall(),
                stats == null ? Double.NaN : stats.validationMrr(), null);
    }

    /** The trial's experiment: the tuned variant alone with the trial's settings, results in the tune folder. */
    ExperimentSpec trialSpec(Trial trial) {
        ExperimentSpec base = spec.base();
        return spec.withSettings(trial.settings(), base.name(), base.output());
    }

    /** The trial's one run: its variant at its GRU size, on the selection fraction, with the spec's first seed. */
    static RunSpec runOf(Trial trial, ExperimentSpec trialSpec) {
        VariantSpec v = trialSpec.variants().get(0);
        return new RunSpec(trial.id(), v, v.gruSizes().get(0), selectionFraction(trialSpec, v),
                trialSpec.seeds().get(0));
    }

    private static RunProvenance facts(Trial trial, int rung, int budget) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("trial", trial.id());
        facts.put("settings", TrialText.settingsText(trial.settings()).toString());
        facts.put("rung", Integer.toString(rung));
        facts.put("epoch_budget", Integer.toString(budget));
        return RunProvenance.EMPTY.withFacts(facts);
    }

    /** The fraction a trial trains on: the largest of the spec's fractions that the model runs at. */
    static Fraction selectionFraction(ExperimentSpec base, VariantSpec variant) {
        return variant.fractions(base.protocol()).stream().filter(f -> GridExpander.applies(variant, f))
                .max(Comparator.naturalOrder()).orElseThrow();
    }
}
