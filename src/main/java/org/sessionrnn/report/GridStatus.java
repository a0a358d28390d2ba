package org.sessionrnn.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionrnn.claims.Claim;
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.TrainingState;

/**
 * Where a grid stands, from its results folder alone (the resolved {@code spec.yaml}, every {@code run.json}, the
 * claims and the worker registrations): each run done, running (who, since when, how far), failed (why) or
 * pending, the live workers, and an estimate of the time left. Used by {@code status} and, for the runs that are
 * missing or failed, by {@code report}.
 *
 * @param runs    every run of the grid in grid order (runs with a record but no longer in the spec at the end)
 * @param workers live workers
 * @param eta     estimated time left, empty until a run has finished
 */
public record GridStatus(List<Run> runs, List<Workers.Worker> workers, Optional<Duration> eta) {
    /** What a run's state is. */
    public enum State { DONE, RUNNING, FAILED, PENDING }

    /**
     * One run's line.
     *
     * @param id     run id
     * @param state  its state
     * @param detail who and how far (running), why (failed), who trained it (done), what is left (pending)
     */
    public record Run(String id, State state, String detail) {
    }

    /** Reads the status of {@code experimentDir}; claims silent for {@code staleAfter} count as stopped. */
    public static GridStatus of(Path experimentDir, Duration staleAfter) throws IOException {
        Map<String, RunSpec> specs = gridOf(experimentDir);
        Map<String, RunRecord> records = new HashMap<>();
        for (RunRecord r : RunRecordIo.readAll(experimentDir)) {
            records.put(r.runId(), r);
        }
        Map<String, Claim> claims = new HashMap<>();
        for (Claim c : ClaimBoard.readAll(experimentDir)) {
            if (!ClaimBoard.isStale(c, staleAfter)) {
                claims.put(c.name(), c);
            }
        }
        List<String> ids = new ArrayList<>(specs.keySet());
        records.keySet().stream().filter(id -> !specs.containsKey(id)).sorted().forEach(ids::add);
        List<Run> runs = new ArrayList<>();
        for (String id : ids) {
            runs.add(runOf(experimentDir, id, specs.get(id), records.get(id), claims.get(id)));
        }
        List<Workers.Worker> live = Workers.list(experimentDir).stream()
                .filter(w -> !Workers.isStale(w, staleAfter)).toList();
        return new GridStatus(runs, live, eta(runs, records, live.size()));
    }

    private static Map<String, RunSpec> gridOf(Path experimentDir) {
        Map<String, RunSpec> specs = new LinkedHashMap<>();
        Path specFile = experimentDir.resolve("spec.yaml");
        if (Files.exists(specFile)) {
            ExperimentSpec spec = SpecLoader.load(specFile);
            GridExpander.expand(spec).forEach(r -> specs.put(r.id(), r));
        }
        return specs;
    }

    /** "host:pid (shard 2/3)", with "?" for what an older record did not write. */
    private static String workerOf(RunRecord record) {
        RunProvenance.Worker w = record.provenance().worker();
        String id = w == null || w.id() == null ? "?" : w.id();
        String shard = w == null || w.shard() == null ? "?" : w.shard();
        return id + " (shard " + shard + ")";
    }

    private static Run runOf(Path dir, String id, RunSpec spec, RunRecord record, Claim claim) {
        if (record != null && record.status() == RunStatus.DONE) {
            return new Run(id, State.DONE, "trained by " + workerOf(record));
        }
        if (record != null && record.status() == RunStatus.FAILED) {
            return new Run(id, State.FAILED, record.failure());
        }
        Optional<TrainingState> state = progress(dir.resolve("runs").resolve(id).resolve("checkpoints"));
        String budget = spec == null || !spec.variant().neural() ? "" : "/" + spec.variant().training().maxEpochs();
        String epochs = state.map(s -> s.epochsDone() + budget + " epochs done"
                + (s.inEpoch() == null ? "" : ", " + s.inEpoch().batchesDone()
                + " batches into the next")).orElse("");
        if (claim != null) {
            long beat = Duration.between(claim.heartbeat(), Instant.now()).toSeconds();
            return new Run(id, State.RUNNING, claim.describe() + (epochs.isEmpty() ? "" : ", " + epochs)
                    + ", heartbeat " + beat + " s ago");
        }
        return new Run(id, State.PENDING, epochs.isEmpty() ? "" : "interrupted, resumes with " + epochs);
    }

    private static Optional<TrainingState> progress(Path checkpoints) {
        try {
            return Files.isDirectory(checkpoints) ? EpochCheckpoint.load(checkpoints) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Mean wall time of the finished runs times the runs left, spread over the live workers (at least one). */
    private static Optional<Duration> eta(List<Run> runs, Map<String, RunRecord> records, int workers) {
        double total = 0;
        int finished = 0;
        for (Run r : runs) {
            RunRecord rec = records.get(r.id());
            if (r.state() == State.DONE && rec != null) {
                total += seconds(rec.trainSeconds()) + seconds(rec.evalSeconds());
                finished++;
            }
        }
        long left = runs.stream().filter(r -> r.state() == State.PENDING || r.state() == State.RUNNING).count();
        if (finished == 0) {
            return left == 0 ? Optional.of(Duration.ZERO) : Optional.empty();
        }
        double seconds = total / finished * left / Math.max(1, workers);
        return Optional.of(Duration.ofSeconds(Math.round(seconds)));
    }

    private static double seconds(double s) {
        return Double.isFinite(s) ? s : 0;
    }

    /** The runs in {@code state}. */
    public List<Run> in(State state) {
        return runs.stream().filter(r -> r.state() == state).toList();
    }
}
