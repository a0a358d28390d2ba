package org.sessionrnn.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionrnn.io.Sha256;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.SequenceBuilder;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.report.ReportWriter;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.report.SummaryTable;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecWriter;
import org.sessionrnn.train.Durations;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.StopRequest;
import org.sessionrnn.train.TrainingDivergedException;
import org.sessionrnn.train.TrainingInterruptedException;

/**
 * Runs an experiment's grid: locks the experiment folder, prepares the data once, checks every run can start,
 * then trains and evaluates each run in turn, writing its folder ({@code runs/<id>/}: run.json, ranks.bin,
 * checkpoints) and refreshing summary.csv after every run, and the figures and tables at the end.
 *
 * <p>Nothing is written in the experiment folder before the data and every model graph have been checked (the
 * lock taken first is removed again, with a folder it created, if that fails). Runs already done with the same
 * {@code config_hash} are skipped; a run left {@code running} by an interrupted or killed runner with the same
 * hash resumes from its last checkpoint; any other run (and every run under {@code --force}) starts
 * afresh. A failing run is recorded as {@code failed} and the grid goes on. Ctrl-C stops at the next batch with
 * the run still {@code running}, resumable.
 */
public final class ExperimentRunner {
    private final ExperimentSpec spec;
    private final boolean force;
    private final PrintStream out;

    /**
     * @param spec  the validated experiment
     * @param force rerun every run from scratch, done or interrupted
     * @param out   progress output
     */
    public ExperimentRunner(ExperimentSpec spec, boolean force, PrintStream out) {
        this.spec = spec;
        this.force = force;
        this.out = out;
    }

    /**
     * Runs the grid and returns the final record of every run, in grid order.
     *
     * @throws ResultsFolderException    if another runner holds the experiment folder
     * @throws GridInterruptedException  on Ctrl-C, after recording the summary
     */
    public List<RunRecord> run() throws IOException {
        long start = System.nanoTime();
        List<RunSpec> runs = GridExpander.expand(spec);
        Path dir = spec.experimentDir();
        out.printf("Experiment '%s': %d runs, results in %s%n", spec.name(), runs.size(), dir);
        try (InterruptHandler ctrlC = InterruptHandler.install(); ExperimentLock lock = ExperimentLock.acquire(dir, out)) {
            ExperimentData data = loadData();
            Preflight.check(runs, data, spec, out);
            Files.createDirectories(dir.resolve("runs"));
            AtomicFiles.writeString(dir.resolve("spec.yaml"), SpecWriter.toYaml(spec));
            ctrlC.arm();
            List<RunRecord> records = runAll(runs, data, provenance(data));
            List<Path> written = ReportWriter.writeAll(dir);
            out.printf("%nDone in %s. Wrote %s and %d report files.%n",
                    Durations.format((System.nanoTime() - start) / 1e9), dir.resolve(SummaryTable.FILE_NAME),
                    written.size());
            return records;
        }
    }

    private Map<String, String> provenance(ExperimentData data) {
        Map<String, String> provenance = Provenance.collect(Path.of("").toAbsolutePath());
        provenance.put("spec_hash", SpecWriter.specHash(spec));
        provenance.put("data_name", data.dataset().name());
        provenance.put("data_hash", data.dataset().dataHash());
        return provenance;
    }

    private List<RunRecord> runAll(List<RunSpec> runs, ExperimentData data, Map<String, String> provenance)
            throws IOException {
        List<RunRecord> records = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunSpec run = runs.get(i);
            out.printf("%n[%d/%d] %s%n", i + 1, runs.size(), run.id());
            try {
                checkNotInterrupted(run);
                records.add(runOne(run, data, provenance));
            } finally {
                writeSummary();
            }
        }
        return records;
    }

    private void writeSummary() throws IOException {
        Path dir = spec.experimentDir();
        SummaryTable.write(SummaryTable.fromRecords(spec.name(), RunRecordIo.readAll(dir)),
                dir.resolve(SummaryTable.FILE_NAME));
    }

    private void checkNotInterrupted(RunSpec next) {
        if (StopRequest.isRequested()) {
            throw new GridInterruptedException("interrupted before run " + next.id()
                    + "; rerun the spec to continue the grid");
        }
    }

    private ExperimentData loadData() {
        out.println("Preparing data (" + spec.data().source() + ")");
        long start = System.nanoTime();
        Path cache = spec.output().resolve(".cache");
        Dataset dataset = new DataLoader(cache, PreprocessListener.printingTo(out)).load(spec.data());
        ExperimentData data = new ExperimentData(dataset, SequenceBuilder.inLabelTimeOrder(dataset.train()),
                SequenceBuilder.inSessionOrder(dataset.test()));
        out.printf("Data '%s': %,d items, %,d training sequences, %,d test sequences (%s)%n", dataset.name(),
                data.items(), data.trainByTime().size(), data.test().size(),
                Durations.format((System.nanoTime() - start) / 1e9));
        return data;
    }

    private RunRecord runOne(RunSpec run, ExperimentData data, Map<String, String> provenance) throws IOException {
        Path runDir = spec.experimentDir().resolve("runs").resolve(run.id());
        Path recordFile = runDir.resolve(RunRecordIo.FILE_NAME);
        Map<String, String> facts = new LinkedHashMap<>(provenance);
        facts.put("config_hash", configHash(spec, run, data));
        RunRecord previous = Files.exists(recordFile) ? RunRecordIo.read(recordFile) : null;
        switch (decide(previous, facts.get("config_hash"), runDir)) {
            case SKIP -> {
                out.println("  already done with the same configuration and data: skipped (use --force to rerun)");
                return previous;
            }
            case RESUME -> out.println("  left running by an interrupted runner: resuming (use --force to restart)");
            case FRESH -> clearAttempt(runDir);
        }
        Files.createDirectories(runDir);
        RunRecordIo.write(recordFile, RunRecords.running(spec.name(), run, data, facts));
        facts.put("started_at", java.time.Instant.now().toString());
        RunRecord record = execute(run, data, runDir, facts);
        RunRecordIo.write(recordFile, record);
        return record;
    }

    private enum Start { SKIP, RESUME, FRESH }

    /** Done and unchanged: skip; interrupted and unchanged with a checkpoint: resume; otherwise start afresh. */
    private Start decide(RunRecord previous, String configHash, Path runDir) throws IOException {
        if (force || previous == null || !configHash.equals(previous.provenance().get("config_hash"))) {
            return Start.FRESH;
        }
        if (RunRecord.DONE.equals(previous.status())) {
            return Start.SKIP;
        }
        return RunRecord.RUNNING.equals(previous.status()) && hasCheckpoint(runDir.resolve("checkpoints"))
                ? Start.RESUME : Start.FRESH;
    }

    /** A trainer state in the checkpoints folder or a folder of it (M3's teacher checkpoints in its own). */
    private static boolean hasCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(checkpoints, 2)) {
            return paths.anyMatch(p -> p.getFileName().toString().equals(EpochCheckpoint.STATE_FILE));
        }
    }

    /** Removes what an earlier attempt left, so that executors see no checkpoint to resume from. */
    private static void clearAttempt(Path runDir) throws IOException {
        deleteTree(runDir.resolve("checkpoints"));
        Files.deleteIfExists(runDir.resolve(RankFile.FILE_NAME));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Runs the executor; any exception but an interrupt makes the run {@code failed}, not the grid. */
    private RunRecord execute(RunSpec run, ExperimentData data, Path runDir, Map<String, String> facts)
            throws IOException {
        try {
            RunOutcome outcome = RunnableKind.of(run.variant().model()).newExecutor()
                    .execute(new RunContext(spec, run, data, runDir, out));
            RankFile.write(runDir.resolve(RankFile.FILE_NAME),
                    new RankFile.TargetRanks(outcome.test().standardRanks(), outcome.test().conservativeRanks()));
            facts.put("finished_at", java.time.Instant.now().toString());
            RunRecord record = RunRecords.done(spec.name(), run, data, outcome, facts);
            out.printf("  Recall@%d %.4f  MRR@%d %.4f  (conservative ties: %.4f / %.4f)%n",
                    record.cutoff(), record.recall(), record.cutoff(), record.mrr(), record.recallConservative(),
                    record.mrrConservative());
            return record;
        } catch (TrainingInterruptedException e) {
            out.println("  interrupted in epoch " + e.epoch() + ": status stays running");
            throw new GridInterruptedException("interrupted during run " + run.id() + " (epoch " + e.epoch()
                    + "); rerun the spec to resume it where it stopped");
        } catch (Exception e) {
            facts.put("finished_at", java.time.Instant.now().toString());
            if (e instanceof TrainingDivergedException d) {
                facts.put("failed_epoch", Integer.toString(d.epoch()));
            }
            RunRecord record = RunRecords.failed(spec.name(), run, data, reason(e), facts);
            out.println("  FAILED: " + record.failure());
            return record;
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * What a run's result depends on: data, protocol (less the fraction list), the variant's settings and the
     * cell. A run is reused only when this is unchanged.
     */
    static String configHash(ExperimentSpec spec, RunSpec run, ExperimentData data) {
        var p = spec.protocol();
        String text = String.join("\n", data.dataset().dataHash(), run.toString(),
                "validation_share=" + p.validationShare(), "max_length=" + p.maxLength(), "cutoff=" + p.cutoff());
        return Sha256.ofText(text, 16);
    }
}
