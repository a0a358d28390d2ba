package org.sessionrnn.tune;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sessionrnn.data.TestWithheldException;
import org.sessionrnn.io.Folders;
import org.sessionrnn.io.Sha256;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.runner.ExperimentData;
import org.sessionrnn.runner.GridInterruptedException;
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
import org.sessionrnn.train.TrainingInterruptedException;

/**
 * Trains one trial at one rung in its run folder, {@code runs/<trial>/}: {@code trial.json} (see
 * {@link TrialState}), {@code run.json} (status, per-epoch validation history; no test metrics) and the
 * checkpoints of the runner's checkpointed training. A rung already recorded is reused; a trial whose recorded
 * configuration differs (other data or settings) starts over in an emptied folder.
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
        String hash = configHash(trialSpec, runOf(trial, trialSpec));
        return TrialState.read(runsDir.resolve(trial.id())).filter(s -> s.configHash().equals(hash))
                .flatMap(s -> s.at(rung));
    }

    /** Trains {@code trial} to {@code budget} epochs in all (continuing from its checkpoint) and records the rung. */
    RungResult train(Trial trial, int rung, int budget) throws IOException {
        ExperimentSpec trialSpec = trialSpec(trial);
        RunSpec run = runOf(trial, trialSpec);
        String hash = configHash(trialSpec, run);
        Path runDir = runsDir.resolve(trial.id());
        Optional<TrialState> previous = TrialState.read(runDir).filter(s -> s.configHash().equals(hash));
        if (previous.isEmpty() || (force && restarted.add(trial.id()))) {
            Folders.deleteTree(runDir);
            previous = Optional.empty();
        }
        Files.createDirectories(runDir);
        TrialState state = previous.orElse(new TrialState(hash, trial.settings(), List.of()));
        state.write(runDir);
        restarted.add(trial.id());
        RunProvenance facts = facts(hash, trial, rung, budget);
        RunRecordIo.write(runDir.resolve(RunRecordIo.FILE_NAME), record(trialSpec, run, RunRecord.RUNNING, null,
                null, facts));
        RungResult result;
        RunOutcome outcome = null;
        String failure = null;
        try {
            outcome = SelectionTraining.train(new RunContext(trialSpec, run, data, runDir, out, budget));
            int best = outcome.bestEpoch();
            EpochRecord stats = outcome.history().stream().filter(e -> e.epoch() == best).findFirst().orElse(null);
            result = new RungResult(rung, budget, outcome.history().size(), best,
                    stats == null ? Double.NaN : stats.validationRecall(),
                    stats == null ? Double.NaN : stats.validationMrr(), null);
        } catch (TrainingInterruptedException e) {
            out.println("  interrupted in epoch " + e.epoch() + ": the trial resumes from its checkpoint");
            throw new GridInterruptedException("interrupted during trial " + trial.id() + " (epoch " + e.epoch()
                    + "); rerun the same tune command to resume it where it stopped");
        } catch (TestWithheldException | GridInterruptedException e) {
            throw e;
        } catch (Exception e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            out.println("  FAILED: " + failure);
            result = new RungResult(rung, budget, 0, 0, Double.NaN, Double.NaN, failure);
        }
        facts = facts.finished(Instant.now().toString());
        RunRecordIo.write(runDir.resolve(RunRecordIo.FILE_NAME), record(trialSpec, run,
                failure == null ? RunRecord.DONE : RunRecord.FAILED, failure, outcome, facts));
        state.with(result).write(runDir);
        return result;
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

    /**
     * Everything a trial's results depend on but the epoch budget, which grows from rung to rung, and the protocol
     * keys only the report reads.
     */
    private String configHash(ExperimentSpec trialSpec, RunSpec run) {
        return Sha256.ofText(data.dataset().dataHash() + "\n" + SpecWriter.toYaml(trialSpec.withoutReportKeys())
                + "\n" + run, 16);
    }

    private static RunProvenance facts(String hash, Trial trial, int rung, int budget) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("trial", trial.id());
        facts.put("settings", TrialText.settingsText(trial.settings()).toString());
        facts.put("rung", Integer.toString(rung));
        facts.put("epoch_budget", Integer.toString(budget));
        return RunProvenance.EMPTY.configured(hash).started(Instant.now().toString()).withFacts(facts);
    }

    /** The trial's run.json: validation history and best epoch; test metrics stay NaN, the test set is unseen. */
    private RunRecord record(ExperimentSpec trialSpec, RunSpec run, String status, String failure,
                             RunOutcome o, RunProvenance facts) {
        double nan = Double.NaN;
        List<EpochRecord> history = o == null ? List.of() : o.history();
        return new RunRecord(trialSpec.name(), run.id(), run.variant().label(), run.variant().model(),
                run.gruSize(), run.fraction().label(), run.seed(), status, failure, nan, nan, nan, nan,
                trialSpec.protocol().cutoff(), data.items(), o == null ? 0 : o.trainSequences(),
                o == null ? 0 : o.validationSequences(), 0, history.size(), o == null ? 0 : o.bestEpoch(),
                o == null ? 0 : o.trainSeconds(), nan, o == null ? 0 : o.params(), nan, nan, history,
                facts);
    }

    /** The fraction a trial trains on: the largest of the spec's fractions that the model runs at. */
    static Fraction selectionFraction(ExperimentSpec base, VariantSpec variant) {
        return variant.fractions(base.protocol()).stream().filter(f -> GridExpander.applies(variant, f))
                .max(Comparator.naturalOrder()).orElseThrow();
    }
}
