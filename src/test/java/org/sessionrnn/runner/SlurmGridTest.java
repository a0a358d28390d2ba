package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.cli.Main;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.report.SummaryTable;

/**
 * deploy/slurm/grid.sbatch on a real, one-node Slurm started by deploy/slurm/local-cluster.sh: a three-run grid as
 * a three-task array (two at a time), then the merge job the array queues, ends with a summary.csv equal to a
 * single-process run's on every metric column. Skipped, saying why, where Slurm cannot start (not root, packages
 * missing); the daemons it started are stopped by their process ids afterwards.
 */
@Tag("slow")
class SlurmGridTest {
    private static final String GRID = TinyExperiment.SPEC.replace("""
              - model: m1
            """, """
              - model: m2
                gru_sizes: [16]
                max_epochs: 4
                patience: 4
              - model: m1
            """);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Path REPO = Path.of("").toAbsolutePath();

    @TempDir
    Path single;
    @TempDir
    Path cluster;

    private Path state;

    @AfterEach
    void stopCluster() throws Exception {
        if (state != null) {
            sh(Map.of(), "scancel", "--user=root"); // nothing of ours keeps running if the test failed midway
            script("stop");
        }
    }

    @Test
    void arrayJobThenMergeEqualsASingleProcessRun() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "Slurm test skipped: needs root to start slurmd");
        assumeTrue(Stream.of("slurmctld", "slurmd", "sbatch", "munged").allMatch(SlurmGridTest::onPath),
                "Slurm test skipped: slurm-wlm and munge are not installed (apt-get install -y slurm-wlm munge)");
        // the munge daemon runs as its own user and must reach its folder inside this test's private temp folder
        Files.setPosixFilePermissions(cluster, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        state = cluster.resolve("slurm");
        Result started = script("start");
        assumeTrue(started.code() == 0, "Slurm test skipped: the one-node cluster did not start: " + started.out());

        TinyExperiment ref = new TinyExperiment(single, GRID);
        TinyExperiment.Result whole = ref.runInProcess();
        assertEquals(0, whole.code(), whole.err());

        TinyExperiment exp = new TinyExperiment(cluster, GRID);
        String runner = String.join(" ", javaBin(), "-Dsessionrnn.checkpointMinutes=0", "-cp",
                System.getProperty("java.class.path"), Main.class.getName());
        Result submitted = sh(Map.of("SESSIONRNN_RUNNER", runner, "TF_CPP_MIN_LOG_LEVEL", "2"), "sbatch",
                "--parsable", "--array=0-2%2", "--chdir=" + cluster, REPO.resolve("deploy/slurm/grid.sbatch").toString(),
                exp.specFile().toString(), cluster.resolve("out").toString());
        assertEquals(0, submitted.code(), submitted.out());
        awaitEmptyQueue();

        Path merged = exp.dir().resolve(SummaryTable.FILE_NAME);
        String logs = logs();
        assertTrue(logs.contains("wrote " + merged), "the merge job ran report: " + logs);
        assertTrue(logs.contains("3 of 3 runs done"), logs);
        ShardedWorkersTest.assertSameMetrics(ref.dir().resolve(SummaryTable.FILE_NAME), merged);
        for (String id : List.of("m1-gru16-f1_4-s3", "m1-gru16-f1-s3", "m2-gru16-f1_4-s3")) {
            RunRecord r = exp.record(id);
            assertTrue(r.provenance().get("shard").endsWith("/3"), id + " " + r.provenance());
            assertTrue(r.provenance().get("tf_threads").contains("SLURM_CPUS_PER_TASK"), r.provenance().toString());
        }
    }

    private void awaitEmptyQueue() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Thread.sleep(2000);
        while (!sh(Map.of(), "squeue", "-h").out().isBlank()) {
            assertTrue(System.nanoTime() < deadline, "jobs still queued after " + TIMEOUT + ": "
                    + sh(Map.of(), "squeue").out() + logs());
            Thread.sleep(1000);
        }
    }

    private String logs() throws IOException {
        try (Stream<Path> files = Files.list(cluster)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".out")).sorted().map(f -> {
                try {
                    return "--- " + f.getFileName() + "\n" + Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return e.toString();
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    private Result script(String command) throws Exception {
        return run(Map.of(), List.of("bash", REPO.resolve("deploy/slurm/local-cluster.sh").toString(), command));
    }

    private Result sh(Map<String, String> env, String... command) throws Exception {
        return run(env, List.of(command));
    }

    private Result run(Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SLURM_LOCAL_DIR", state.toString());
        pb.environment().put("SLURM_LOCAL_PORT", "6917"); // clear of a Slurm on the default ports
        pb.environment().put("SLURM_CONF", state.resolve("slurm.conf").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        return new Result(p.exitValue(), out);
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"), new String[]{"/usr/sbin", "/sbin"})
                .flatMap(Stream::of).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int code, String out) {
    }
}
