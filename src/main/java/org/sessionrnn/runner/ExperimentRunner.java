package org.sessionrnn.runner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.io.Folders;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.model.TfSessions;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.ResultsFileException;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecWriter;
import org.sessionrnn.train.Durations;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.StopRequest;

/**
 * Runs an experiment's grid, or one shard of it: registers as a worker on the experiment folder
 * ({@link Workers}), prepares the data once, checks every run can start, then trains and evaluates each of its
 * runs in turn under a claim ({@link ClaimBoard}), writing the run's folder ({@code runs/<id>/}: run.json,
 * ranks.bin, checkpoints) and refreshing summary.csv after every run; the whole-grid runner also writes the
 * figures and tables at the end (for shards, {@code report} does once all have finished).
 *
 * <p>Nothing is written before the data, every run and every model graph have been checked: the folder is only
 * probed (read-only: free, or creatable) before the data is loaded, synthetic data is generated in memory, and
 * the folder, the registration, the claims, the data cache and {@code spec.yaml} are written only after the
 * checks pass; progress is held back meanwhile, so that a refusal prints its one line. Runs already done with the
 * same {@code config_hash} are skipped; a run left {@code running} by an interrupted or killed worker with the
 * same hash resumes from its last checkpoint once its claim is free or stale; any other run (and every run under
 * {@code --force}) starts afresh. A run claimed by a live worker is left to it; a shard waits for such runs of
 * its own before it ends, so that when every shard has ended every run has a final record. Each run it attempts
 * goes through {@link RunAttempt}: a failing run is recorded as {@code failed} and the grid goes on; Ctrl-C stops
 * at the next batch with the run still {@code running}, resumable, and its claim released.
 */
public final class ExperimentRunner {
    /** A run's checkpoints folder, inside its run folder. */
    static final String CHECKPOINTS = "checkpoints";
    /**
     * Progress of the checks is held back this long, so that a refused start prints only its error line; longer
     * checks (a large data file) show their progress from then on.
     */
    private static final double HOLD_SECONDS = 10;

    private final ExperimentSpec spec;
    private static final Duration POLL = Duration.ofSeconds(1);

    private final boolean force;
    private final PrintStream out;
    private final WorkerOptions options;
    private final GridReport report;
    private final WorkerId me = WorkerId.create();

    /**
     * The whole grid in one process.
     *
     * @param spec  the validated experiment
     * @param force rerun every run from scratch, done or interrupted
     * @param out    progress output
     * @param report writes the summary after every run and the figures and tables at the end
     */
    public ExperimentRunner(ExperimentSpec spec, boolean force, PrintStream out, GridReport report) {
        this(spec, force, out, WorkerOptions.SINGLE, report);
    }

    /**
     * @param options the shard this worker runs and how it shares the folder
     */
    public ExperimentRunner(ExperimentSpec spec, boolean force, PrintStream out, WorkerOptions options,
                            GridReport report) {
        this.spec = spec;
        this.force = force;
        this.out = out;
        this.options = options;
        this.report = report;
    }

    /**
     * Runs this worker's runs of the grid and returns the final record of each, in grid order (runs taken from
     * other shards with {@code steal} after them).
     *
     * @throws org.sessionrnn.claims.ClaimException if an incompatible worker uses the experiment folder, or claims
     *                                              cannot be made there
     * @throws GridInterruptedException             on Ctrl-C, after recording the summary
     */
    public List<RunRecord> run() throws IOException {
        long start = System.nanoTime();
        List<RunSpec> runs = GridExpander.expand(spec);
        Path dir = spec.experimentDir();
        List<String> ids = runs.stream().map(RunSpec::id).toList();
        List<String> mine = options.shard().select(ids);
        HeldOutput held = new HeldOutput(out, HOLD_SECONDS);
        PrintStream checking = held.stream();
        checking.printf("Experiment '%s': %d runs, results in %s%n", spec.name(), runs.size(), dir);
        if (!options.shard().isAll()) {
            checking.printf("Worker %s, shard %s: %d of the %d runs%s%n", me.label(), options.shard(), mine.size(),
                    runs.size(), options.steal() ? ", then unclaimed runs of other shards" : "");
        }
        String specHash = SpecWriter.specHash(spec);
        Workers.checkAvailable(dir, options.shard(), specHash, options.staleAfter());
        RunRecordIo.readAll(dir); // a corrupt run.json left in the folder is named now, not after registering
        try (InterruptHandler ctrlC = InterruptHandler.install()) {
            ExperimentData data = loadData(checking);
            Preflight.check(runs, data, spec, checking);
            checkResumable(runs, mine, data);
            held.release();
            return runChecked(runs, mine, data, specHash, ctrlC, start);
        }
    }

    /**
     * Reads the checkpoint state of every run that this start would resume (left running, same configuration), so
     * that a corrupt one is named, with how to start that run over, before anything is written. Runs this worker
     * never takes (another shard's, without steal) and runs a live worker holds are not read: their holder saves
     * a checkpoint and deletes the one before it at any moment, so a reader can list files that are gone when it
     * opens them or read a state whose checkpoint was superseded meanwhile, which is not corruption.
     */
    private void checkResumable(List<RunSpec> runs, List<String> mine, ExperimentData data) throws IOException {
        if (force) {
            return;
        }
        for (RunSpec run : runs) {
            if ((!options.steal() && !mine.contains(run.id())) || heldByLiveWorker(run)) {
                continue;
            }
            Path runDir = spec.experimentDir().resolve("runs").resolve(run.id());
            Path file = runDir.resolve(RunRecordIo.FILE_NAME);
            RunRecord previous = Files.isRegularFile(file) ? RunRecordIo.read(file) : null;
            if (previous == null || previous.status() != RunStatus.RUNNING
                    || !RunAttempt.configHash(spec, run, data).equals(previous.provenance().configHash())) {
                continue;
            }
            try {
                checkStates(runDir.resolve(CHECKPOINTS));
            } catch (ResultsFileException | UncheckedIOException e) {
                if (!heldByLiveWorker(run)) {
                    throw e;
                }
                // claimed while we read: its holder's saves changed the folder under us
            }
        }
    }

    private boolean heldByLiveWorker(RunSpec run) {
        return ClaimBoard.claimOn(spec.experimentDir(), run.id())
                .filter(c -> !ClaimBoard.isStale(c, options.staleAfter())).isPresent();
    }

    /** Loads every trainer state in {@code checkpoints} (M3's teacher's in a folder of its own). */
    private static void checkStates(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(checkpoints, 2)) {
            for (Path state : paths.filter(p -> p.getFileName().toString()
                    .equals(EpochCheckpoint.STATE_FILE)).toList()) {
                EpochCheckpoint.load(state.getParent(), checkpoints);
            }
        }
    }

    /**
     * The folder was free, and the data and every run passed their checks: from here on the experiment folder
     * is written (registration, claims, the synthetic-data cache, spec.yaml, the runs).
     */
    private List<RunRecord> runChecked(List<RunSpec> runs, List<String> mine, ExperimentData data, String specHash,
                                       InterruptHandler ctrlC, long start) throws IOException {
        Path dir = spec.experimentDir();
        try (Heartbeat heartbeat = new Heartbeat(Heartbeat.intervalFor(options.staleAfter()));
             Workers registration = Workers.register(dir, me, options.shard(), specHash, options.steal(),
                     options.staleAfter(), heartbeat, out);
             ClaimBoard claims = new ClaimBoard(dir, me, options.shard(), options.staleAfter(), heartbeat)) {
            dataLoader(out).writeCache(spec.data());
            Files.createDirectories(dir.resolve("runs"));
            AtomicFiles.writeString(dir.resolve("spec.yaml"), SpecWriter.toYaml(spec));
            ctrlC.arm();
            Grid grid = new Grid(runs, mine, data, provenance(data), claims);
            List<RunRecord> records = grid.runAll();
            if (options.shard().isAll()) {
                List<Path> written = report.writeAll(dir);
                out.printf("%nDone in %s. Wrote %s and %d report files.%n",
                        Durations.format((System.nanoTime() - start) / 1e9), written.get(0), written.size());
            } else {
                out.printf("%nShard %s done in %s (%d runs). When every shard has finished, 'report %s' writes "
                        + "the figure and tables of the whole grid.%n", options.shard(),
                        Durations.format((System.nanoTime() - start) / 1e9), records.size(), dir);
            }
            return records;
        }
    }

    private RunProvenance provenance(ExperimentData data) {
        return Provenance.collect(Path.of("").toAbsolutePath()).withExperiment(SpecWriter.specHash(spec),
                new RunProvenance.Data(data.dataset().name(), data.dataset().dataHash()),
                new RunProvenance.Worker(me.label(), options.shard().toString(), TfSessions.describe(), null));
    }

    /** One worker's pass over the grid: its own runs, those it must wait for, then (with steal) others'. */
    private final class Grid {
        private final List<RunSpec> runs;
        private final List<String> mine;
        private final ExperimentData data;
        private final RunProvenance provenance;
        private final ClaimBoard claims;
        private int started;

        Grid(List<RunSpec> runs, List<String> mine, ExperimentData data, RunProvenance provenance,
             ClaimBoard claims) {
            this.runs = runs;
            this.mine = mine;
            this.data = data;
            this.provenance = provenance;
            this.claims = claims;
        }

        List<RunRecord> runAll() throws IOException {
            List<RunRecord> records = new ArrayList<>();
            List<RunSpec> heldByOthers = new ArrayList<>();
            for (RunSpec run : runs) {
                if (mine.contains(run.id())) {
                    attempt(run, false).ifPresentOrElse(records::add, () -> heldByOthers.add(run));
                }
            }
            for (RunSpec run : heldByOthers) {
                awaitOrRun(run).ifPresent(records::add);
            }
            if (options.steal()) {
                for (RunSpec run : runs) {
                    if (!mine.contains(run.id()) && !isFinished(run)) {
                        attempt(run, true).ifPresent(records::add);
                    }
                }
            }
            return records;
        }

        /** Runs {@code run} under a claim; empty if a live worker holds it. */
        private Optional<RunRecord> attempt(RunSpec run, boolean stolen) throws IOException {
            checkNotInterrupted(run);
            if (!force && isDone(run)) {
                announce(run, "");
                out.println("  already done with the same configuration and data: skipped (use --force to rerun)");
                return Optional.of(readRecord(run));
            }
            ClaimBoard.Attempt claim = claims.tryClaim(run.id());
            if (!claim.acquired()) {
                if (!stolen) {
                    announce(run, "");
                    out.println("  claimed by " + (claim.other() == null ? "another worker"
                            : claim.other().describe()) + ": left to it");
                }
                return Optional.empty();
            }
            announce(run, stolen ? " (taken from another shard)" : "");
            return Optional.of(underClaim(run, claim));
        }

        /** Waits while another worker holds {@code run}; runs it if that worker stops before finishing it. */
        private Optional<RunRecord> awaitOrRun(RunSpec run) throws IOException {
            Optional<ClaimBoard.Attempt> claimed = claims.claimOrWait(run.id(), () -> isFinished(run),
                    StopRequest::isRequested, holder -> out.println("  waiting for " + run.id() + " of this shard, "
                            + "claimed by " + holder.describe()), POLL);
            checkNotInterrupted(run);
            if (claimed.isEmpty()) {
                return Optional.of(readRecord(run));
            }
            out.printf("%n%s (claimed back from a worker that stopped)%n", run.id());
            return Optional.of(underClaim(run, claimed.get()));
        }

        private RunRecord underClaim(RunSpec run, ClaimBoard.Attempt claim) throws IOException {
            RunProvenance facts = provenance;
            if (claim.other() != null) {
                out.println("  taking over from " + claim.other().describe() + ", which stopped heartbeating");
                facts = facts.takenOverFrom(claim.other().holder().label() + " (shard " + claim.other().shard()
                        + ")");
            }
            try {
                return runOne(run, data, facts, claims);
            } finally {
                claims.release(run.id());
                writeSummary();
            }
        }

        private void announce(RunSpec run, String note) {
            started++;
            int total = options.shard().isAll() ? runs.size() : mine.size();
            out.printf("%n[%d/%d] %s%s%n", started, Math.max(total, started), run.id(), note);
        }

        private boolean isDone(RunSpec run) {
            RunRecord r = readRecordOrNull(run);
            return r != null && r.status() == RunStatus.DONE
                    && RunAttempt.configHash(spec, run, data).equals(r.provenance().configHash());
        }

        /** Done or failed under this configuration: nothing left for a worker to do in this grid. */
        private boolean isFinished(RunSpec run) {
            RunRecord r = readRecordOrNull(run);
            return r != null && (r.status() == RunStatus.DONE || r.status() == RunStatus.FAILED)
                    && RunAttempt.configHash(spec, run, data).equals(r.provenance().configHash());
        }

        private RunRecord readRecordOrNull(RunSpec run) {
            Path file = spec.experimentDir().resolve("runs").resolve(run.id()).resolve(RunRecordIo.FILE_NAME);
            try {
                return Files.exists(file) ? RunRecordIo.read(file) : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private RunRecord readRecord(RunSpec run) throws IOException {
            return RunRecordIo.read(spec.experimentDir().resolve("runs").resolve(run.id())
                    .resolve(RunRecordIo.FILE_NAME));
        }
    }

    private void writeSummary() throws IOException {
        report.writeSummary(spec.name(), spec.experimentDir());
    }

    private void checkNotInterrupted(RunSpec next) {
        if (StopRequest.isRequested()) {
            throw new GridInterruptedException("interrupted before run " + next.id()
                    + "; rerun the spec to continue the grid");
        }
    }

    private ExperimentData loadData(PrintStream out) {
        out.println("Preparing data (" + spec.data().source() + ")");
        long start = System.nanoTime();
        Dataset dataset = dataLoader(out).load(spec.data());
        ExperimentData data = new ExperimentData(dataset, dataset.trainByTime(), dataset.testSequences());
        out.printf("Data '%s': %,d items, %,d training sequences, %,d test sequences (%s)%n", dataset.name(),
                data.items(), data.trainByTime().size(), data.test().size(),
                Durations.format((System.nanoTime() - start) / 1e9));
        return data;
    }

    /** Synthetic data is cached in {@code <output>/.cache}, written only once the run has passed its checks. */
    private DataLoader dataLoader(PrintStream progress) {
        return new DataLoader(spec.output().resolve(".cache"), PreprocessListener.printingTo(progress));
    }

    private RunRecord runOne(RunSpec run, ExperimentData data, RunProvenance provenance, ClaimBoard claims)
            throws IOException {
        Path runDir = spec.experimentDir().resolve("runs").resolve(run.id());
        Path recordFile = runDir.resolve(RunRecordIo.FILE_NAME);
        RunRecord previous = Files.exists(recordFile) ? RunRecordIo.read(recordFile) : null;
        switch (decide(previous, RunAttempt.configHash(spec, run, data), runDir)) {
            case SKIP -> {
                out.println("  already done with the same configuration and data: skipped (use --force to rerun)");
                return previous;
            }
            case RESUME -> out.println("  left running by an interrupted runner: resuming (use --force to restart)");
            case FRESH -> clearAttempt(runDir);
        }
        return new RunAttempt(new RunContext(spec, run, data, runDir, out, 0, claims), provenance)
                .run(RunAttempt.EXECUTOR).record();
    }

    private enum Start { SKIP, RESUME, FRESH }

    /** Done and unchanged: skip; interrupted and unchanged with a checkpoint: resume; otherwise start afresh. */
    private Start decide(RunRecord previous, String configHash, Path runDir) throws IOException {
        if (force || previous == null || !configHash.equals(previous.provenance().configHash())) {
            return Start.FRESH;
        }
        if (previous.status() == RunStatus.DONE) {
            return Start.SKIP;
        }
        return previous.status() == RunStatus.RUNNING && hasCheckpoint(runDir.resolve(CHECKPOINTS))
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
        Folders.deleteTree(runDir.resolve(CHECKPOINTS));
        Files.deleteIfExists(runDir.resolve(RankFile.FILE_NAME));
    }
}
