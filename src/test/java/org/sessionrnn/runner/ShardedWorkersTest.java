package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.cli.Main;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.report.SummaryTable;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A 12-run grid (M1 at two GRU sizes, M2, M3, M4 and POP, two fractions) split over three worker processes started
 * as a Kubernetes Indexed Job starts them ({@code JOB_COMPLETION_INDEX}), one of them killed in the middle of a run
 * and started again, merges with {@code report} into the summary of a single-process run, metric for metric; every
 * run is trained by one worker (the killed run resumed by its restarted worker, not trained again), and its record
 * says which.
 */
@Tag("slow")
class ShardedWorkersTest {
    static final String GRID = TinyExperiment.spec(20_000, "[1/4, 1]", """
          - {model: m1, gru_sizes: [8, 16], max_epochs: 3, patience: 3}
          - {model: m2, gru_sizes: [8, 16], max_epochs: 3, patience: 3}
          - {model: m3, gru_sizes: [16], max_epochs: 3, patience: 3}
          - {model: m4, gru_sizes: [16], max_epochs: 3, patience: 3}
          - {model: pop}
        """);
    static final List<String> COMPARED = List.of("run_id", "status", "recall", "mrr", "recall_conservative",
            "mrr_conservative", "cutoff", "items", "train_sequences", "validation_sequences", "test_sequences",
            "epochs", "best_epoch", "params");
    private static final int SHARDS = 3;
    private static final int KILLED = 1;
    private static final Duration TIMEOUT = Duration.ofMinutes(8);

    @TempDir
    Path single;
    @TempDir
    Path sharded;

    @Test
    void threeWorkersOneKilledAndRestartedMergeToTheSingleProcessSummary() throws Exception {
        TinyExperiment ref = new TinyExperiment(single, GRID);
        TinyExperiment.Result whole = ref.runInProcess();
        assertEquals(0, whole.code(), whole.err());

        TinyExperiment exp = new TinyExperiment(sharded, GRID);
        List<String> ids = GridExpander.expand(SpecLoader.load(exp.specFile())).stream().map(RunSpec::id).toList();
        assertEquals(12, ids.size());
        List<Process> workers = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        try {
            for (int i = 0; i < SHARDS; i++) {
                logs.add(sharded.resolve("worker" + i + ".log"));
                workers.add(start(exp, i, logs.get(i)));
            }
            String victim = new Shard(KILLED, SHARDS).select(ids).get(0);
            long killedPid = workers.get(KILLED).pid();
            awaitMidRun(exp, victim, workers.get(KILLED));
            workers.get(KILLED).destroyForcibly().waitFor();
            logs.add(sharded.resolve("worker" + KILLED + "-restarted.log"));
            Process restarted = start(exp, KILLED, logs.get(SHARDS));
            workers.add(restarted);
            for (int i = 0; i < workers.size(); i++) {
                if (i == KILLED) {
                    continue;
                }
                assertTrue(workers.get(i).waitFor(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS),
                        "worker did not finish");
                assertEquals(0, workers.get(i).exitValue(), Files.readString(logs.get(i)));
            }
            assertEquals(0, Main.execute(new String[]{"report", exp.dir().toString()},
                    new PrintStream(new ByteArrayOutputStream()), System.err));

            assertSameMetrics(ref.dir().resolve(SummaryTable.FILE_NAME), exp.dir().resolve(SummaryTable.FILE_NAME));
            assertTrainedOnceByTheirShard(exp, ids, logs, killedPid, restarted.pid(), victim);
        } finally {
            workers.forEach(Process::destroyForcibly);
        }
    }

    private static Process start(TinyExperiment exp, int index, Path log) throws Exception {
        return exp.start(log, Map.of("JOB_COMPLETION_INDEX", Integer.toString(index), Shard.K8S_COUNT,
                Integer.toString(SHARDS)), "-Dsessionrnn.checkpointMinutes=0");
    }

    /** Waits until {@code runId} has a checkpoint after its first epoch (the worker still in the run). */
    private static void awaitMidRun(TinyExperiment exp, String runId, Process worker) throws Exception {
        Path checkpoints = exp.runDir(runId).resolve("checkpoints");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (TinyExperiment.stateOf(checkpoints).filter(s -> s.epochsDone() >= 1).isEmpty()) {
            assertTrue(worker.isAlive() && System.nanoTime() < deadline, "run " + runId + " never saved an epoch");
            Thread.sleep(5);
        }
    }

    static void assertSameMetrics(Path expected, Path actual) throws Exception {
        Table a = SummaryTable.read(expected).sortAscendingOn("run_id");
        Table b = SummaryTable.read(actual).sortAscendingOn("run_id");
        assertEquals(a.rowCount(), b.rowCount());
        for (int i = 0; i < a.rowCount(); i++) {
            Row ra = a.row(i);
            Row rb = b.row(i);
            for (String column : COMPARED) {
                assertEquals(String.valueOf(ra.getObject(column)), String.valueOf(rb.getObject(column)),
                        ra.getString("run_id") + " " + column);
            }
        }
    }

    private static void assertTrainedOnceByTheirShard(TinyExperiment exp, List<String> ids, List<Path> logs,
                                                      long killedPid, long restartedPid, String victim)
            throws Exception {
        Map<String, Integer> finishedIn = new HashMap<>();
        Map<String, Integer> pretrained = new HashMap<>();
        for (Path log : logs) {
            countLog(Files.readString(log, StandardCharsets.UTF_8), finishedIn, pretrained);
        }
        for (String id : ids) {
            assertEquals(1, finishedIn.getOrDefault(id, 0), id + " finished by exactly one worker: " + finishedIn);
            RunRecord r = exp.record(id);
            assertEquals(RunRecord.DONE, r.status(), id);
            int owner = shardOf(id, ids);
            assertEquals(owner + "/" + SHARDS, r.provenance().get("shard"), id + " trained by its own shard");
            assertTrue(r.provenance().get("worker").startsWith(WorkerId.localHost() + ":"), id);
            assertNotEquals(WorkerId.localHost() + ":" + killedPid, r.provenance().get("worker"), id);
            if (id.equals(victim)) {
                assertEquals(WorkerId.localHost() + ":" + restartedPid, r.provenance().get("worker"));
                assertTrue(r.provenance().get("taken_over_from").startsWith(WorkerId.localHost() + ":" + killedPid),
                        r.provenance().toString());
                assertTrue(r.provenance().containsKey("resumed_after_epoch"), "resumed, not retrained: "
                        + r.provenance());
            } else {
                assertNull(r.provenance().get("taken_over_from"), id);
            }
        }
        pretrained.forEach((key, n) -> assertEquals(1, n, "pre-trained M1 " + key + " trained once"));
        assertFalse(Files.list(exp.dir().resolve("claims")).anyMatch(p -> p.toString().endsWith(".claim")),
                "every claim released");
    }

    private static int shardOf(String id, List<String> ids) {
        for (int i = 0; i < SHARDS; i++) {
            if (new Shard(i, SHARDS).owns(id, ids)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    private static final Pattern ANNOUNCE = Pattern.compile("^\\[\\d+/\\d+] (\\S+)|^(\\S+) \\(claimed back");
    private static final Pattern PRETRAIN = Pattern.compile("pre-training M1 on the full training set -> (\\S+)");

    /** Per worker log: which run each {@code Recall@20} result line belongs to, and every pre-training. */
    private static void countLog(String log, Map<String, Integer> finished, Map<String, Integer> pretrained) {
        String current = null;
        for (String line : log.lines().toList()) {
            Matcher m = ANNOUNCE.matcher(line);
            if (m.find()) {
                current = m.group(1) != null ? m.group(1) : m.group(2);
            } else if (line.startsWith("  Recall@") && current != null) {
                finished.merge(current, 1, Integer::sum);
            }
            Matcher p = PRETRAIN.matcher(line);
            if (p.find()) {
                pretrained.merge(p.group(1), 1, Integer::sum);
            }
        }
    }
}
