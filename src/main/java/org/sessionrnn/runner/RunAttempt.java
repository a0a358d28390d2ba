package org.sessionrnn.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.sessionrnn.data.TestWithheldException;
import org.sessionrnn.eval.RankingMetrics;
import org.sessionrnn.io.Sha256;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.ResultsFileException;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.train.TrainingDivergedException;
import org.sessionrnn.train.TrainingInterruptedException;

/**
 * One attempt at one run in its folder, the lifecycle that the runner's grid and a hyperparameter search share:
 * writes the run's {@code running} record, executes the run, then records it {@code done} (with its
 * {@code ranks.bin} when the run was evaluated on the test set) or {@code failed}. Whether to attempt a run at all
 * (skip, resume, start afresh) is the caller's decision; a resumed run finds its checkpoints in the run folder.
 *
 * <p>One exception policy for every run:
 * <ul>
 *   <li>an interrupt (Ctrl-C) during training leaves the record {@code running}, resumable from the run's
 *       checkpoints, and stops the grid or search with a {@link GridInterruptedException};</li>
 *   <li>bad input that no rerun fixes on its own (a corrupt checkpoint to resume from) and a test split touched
 *       by selection propagate, the record left {@code running};</li>
 *   <li>any other exception fails this run only: the record says why ({@code failed_epoch} in its provenance when
 *       training diverged), and the caller goes on with the next run.</li>
 * </ul>
 * When the run's claim was taken over by another worker meanwhile (this one paused or starved past the staleness
 * timeout), that worker owns the run's folder: this attempt stops before it would next write a checkpoint
 * ({@link ClaimLostException}) or its result, and writes nothing more there.
 */
public final class RunAttempt {
    /** How a run is trained and evaluated. */
    @FunctionalInterface
    public interface Execution {
        /** Runs {@code context}'s run to its outcome; throws to interrupt or fail it. */
        RunOutcome execute(RunContext context) throws Exception;
    }

    /** The run's own executor, as its kind makes it: training, then the test evaluation. */
    public static final Execution EXECUTOR = c -> RunnableKind.of(c.run().variant().model()).newExecutor().execute(c);

    /**
     * How an attempt ended.
     *
     * @param record  the final record, done or failed
     * @param outcome what the run produced; null when it failed
     */
    public record Ended(RunRecord record, RunOutcome outcome) {
        /** Whether the run failed. */
        public boolean failed() {
            return outcome == null;
        }
    }

    private final RunContext context;
    private final RunProvenance provenance;

    /**
     * @param context    the run, its data and its folder ({@link RunContext#runDir()}, created if needed)
     * @param provenance what is known before the run starts (software, worker, variant facts); the configuration
     *                   hash and the times are added here
     */
    public RunAttempt(RunContext context, RunProvenance provenance) {
        this.context = context;
        this.provenance = provenance;
    }

    /**
     * What a run's result depends on: data, protocol (less the fraction list), the variant's settings and the
     * cell (for an ensemble, its members' configuration hashes too), but not an epoch budget. A run's recorded result is reused, and an interrupted run resumed, only while
     * this is unchanged.
     */
    public static String configHash(ExperimentSpec spec, RunSpec run, ExperimentData data) {
        var p = spec.protocol();
        String text = String.join("\n", data.dataset().dataHash(), run.toString(),
                "validation_share=" + p.validationShare(), "max_length=" + p.maxLength(), "cutoff=" + p.cutoff());
        // an ensemble's result is its members': it is stale when any of theirs is (nothing added for other runs)
        for (RunSpec member : GridExpander.members(spec, run)) {
            text += "\nmember=" + configHash(spec, member, data);
        }
        return Sha256.ofText(text, 16);
    }

    /** Writes the running record, executes the run with {@code execution} and records how it ended. */
    public Ended run(Execution execution) throws IOException {
        RunSpec run = context.run();
        Path recordFile = context.runDir().resolve(RunRecordIo.FILE_NAME);
        RunProvenance facts = provenance.configured(configHash(context.spec(), run, context.data())).started(now());
        RunRecord running = RunRecord.running(context.spec().name(), run.id(), run.variant().label(),
                run.variant().model(), run.gruSize(), run.fraction().label(), run.seed(), context.data().items(),
                facts);
        Files.createDirectories(context.runDir());
        RunRecordIo.write(recordFile, running);
        Ended ended = execute(execution, running, facts);
        if (context.claims() != null && context.claims().isLost(run.id())) {
            context.out().println("  the claim on " + run.id() + " was taken over by another worker meanwhile: this "
                    + "result is not recorded");
            return ended;
        }
        RunRecordIo.write(recordFile, ended.record());
        return ended;
    }

    private Ended execute(Execution execution, RunRecord running, RunProvenance facts) throws IOException {
        PrintStream out = context.out();
        try {
            RunOutcome outcome = execution.execute(context);
            if (!holdsTheRun()) {
                return new Ended(running, null); // its ranks are the new holder's to write
            }
            return new Ended(done(running, outcome, facts.finished(now())), outcome);
        } catch (ClaimLostException e) {
            return new Ended(running, null); // the run stays running: its new holder resumes it
        } catch (TrainingInterruptedException e) {
            out.println("  interrupted in epoch " + e.epoch() + ": the run stays running and resumes from its "
                    + "checkpoint");
            throw new GridInterruptedException("interrupted during run " + running.runId() + " (epoch " + e.epoch()
                    + "); rerun the same command to resume it where it stopped");
        } catch (GridInterruptedException e) {
            throw e; // Ctrl-C while waiting for a shared pre-trained model: the run stays resumable
        } catch (ResultsFileException e) {
            throw e; // a corrupt checkpoint to resume from is bad input, named with how to start over
        } catch (TestWithheldException e) {
            throw e; // selection reached for the test split: a defect, never a result
        } catch (Exception e) {
            RunProvenance failed = facts.finished(now());
            if (e instanceof TrainingDivergedException d) {
                failed = failed.withFacts(Map.of("failed_epoch", Integer.toString(d.epoch())));
            }
            RunRecord record = running.failed(reason(e), failed);
            out.println("  FAILED: " + record.failure());
            return new Ended(record, null);
        }
    }

    /** Whether no other worker has taken this run over (always, alone on the folder). */
    private boolean holdsTheRun() {
        return context.claims() == null || context.claims().confirm(context.run().id());
    }

    /** The done record; a run evaluated on the test set also leaves its ranks and prints its metrics. */
    private RunRecord done(RunRecord running, RunOutcome o, RunProvenance finished) throws IOException {
        RunRecord.Training training = new RunRecord.Training(o.trainSequences(), o.validationSequences(),
                o.history().size(), o.bestEpoch(), o.trainSeconds(), o.params());
        RunRecord.Evaluation evaluation = null;
        if (o.test() != null) {
            RankFile.write(context.runDir().resolve(RankFile.FILE_NAME),
                    new RankFile.TargetRanks(o.test().standardRanks(), o.test().conservativeRanks()));
            RankingMetrics m = o.test().metrics();
            evaluation = new RunRecord.Evaluation(m.cutoff(), m.count(), m.recall(), m.mrr(),
                    m.recallConservative(), m.mrrConservative(), o.test().seconds(),
                    o.timing() == null ? null : new RunRecord.Latency(o.timing().meanMs(), o.timing().sdMs()));
        }
        RunRecord record = running.done(training, evaluation, o.history(), finished.withFacts(o.facts()));
        if (evaluation != null) {
            context.out().printf("  Recall@%d %.4f  MRR@%d %.4f  (conservative ties: %.4f / %.4f)%n",
                    record.cutoff(), record.recall(), record.cutoff(), record.mrr(), record.recallConservative(),
                    record.mrrConservative());
        }
        return record;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String now() {
        return Instant.now().toString();
    }
}
