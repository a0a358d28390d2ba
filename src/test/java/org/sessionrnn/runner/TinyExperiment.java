package org.sessionrnn.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.sessionrnn.cli.Main;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.train.EpochCheckpoint;
import org.sessionrnn.train.TrainingState;

/** A tiny synthetic experiment in a folder of its own, run in-process or as a separate runner process. */
final class TinyExperiment {
    static final String NAME = "tiny";
    /** Two M1 runs of four epochs on 20,000 synthetic clicks: a few seconds in all. */
    static final String SPEC = spec(20_000, "[1/4, 1]", """
          - model: m1
            gru_sizes: [16]
            max_epochs: 4
            patience: 4
        """);

    /**
     * A tiny synthetic spec: seed 3, {@code clicks} clicks over 200 items in 10 clusters, the given fractions (a
     * YAML list) and {@code variants} (the entries of the YAML list, each line indented two spaces).
     */
    static String spec(int clicks, String fractions, String variants) {
        return """
                name: tiny
                seeds: [3]
                data:
                  source: synthetic
                  synthetic: {clicks: %d, items: 200, clusters: 10}
                protocol:
                  fractions: %s
                variants:
                """.formatted(clicks, fractions) + variants;
    }

    final Path root;

    TinyExperiment(Path root, String spec) throws IOException {
        this.root = root;
        Files.writeString(specFile(), spec);
    }

    Path specFile() {
        return root.resolve("spec.yaml");
    }

    Path dir() {
        return root.resolve("out").resolve(NAME);
    }

    Path runDir(String runId) {
        return dir().resolve("runs").resolve(runId);
    }

    RunRecord record(String runId) throws IOException {
        return RunRecordIo.read(runDir(runId).resolve(RunRecordIo.FILE_NAME));
    }

    /**
     * Rewrites finished run {@code runId}'s record as still running, as an interrupted run leaves it; returns the
     * record's file.
     */
    Path markRunning(String runId) throws IOException {
        Path file = runDir(runId).resolve(RunRecordIo.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"status\" : \"done\"", "\"status\" : \"running\""));
        return file;
    }

    /** Runs the spec in this JVM; returns the exit code and what was printed to stderr. */
    Result runInProcess() {
        return runInProcess(new String[0]);
    }

    /** As {@link #runInProcess()}, with extra command-line flags. */
    Result runInProcess(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(args()),
                    java.util.Arrays.stream(extra)).toArray(String[]::new);
            int code = Main.execute(args, o, e);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * Starts the runner as a separate JVM on this test's class path, output going to {@code log}, with extra
     * JVM options such as {@code -Dsessionrnn.checkpointMinutes=0}. The runner gets SIGINT at its default
     * disposition ({@link DefaultSigint}), so {@link #ctrlC} reaches it however this JVM was started.
     */
    Process start(Path log, String... jvmOptions) throws IOException {
        return start(log, java.util.Map.of(), jvmOptions);
    }

    /** As {@link #start(Path, String...)}, with extra environment variables (a scheduler's array index, say). */
    Process start(Path log, java.util.Map<String, String> env, String... jvmOptions) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBin));
        command.addAll(java.util.List.of(jvmOptions));
        command.addAll(java.util.List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(java.util.List.of(args()));
        ProcessBuilder pb = new ProcessBuilder(DefaultSigint.command(command));
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        pb.environment().putAll(env);
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /**
     * Starts the runner as a separate JVM, waits until {@code checkpoints} holds a finished epoch, then stops it
     * with Ctrl-C; fails unless it exits with 130 (the interrupted status) within {@code timeout}.
     */
    void ctrlCAfterFirstEpoch(Path checkpoints, Path log, java.time.Duration timeout)
            throws IOException, InterruptedException {
        Process child = start(log);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (stateOf(checkpoints).filter(s -> s.epochsDone() >= 1).isEmpty()) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("no epoch saved in " + checkpoints + ":\n" + Files.readString(log));
            }
            Thread.sleep(2);
        }
        ctrlC(child);
        int code = child.waitFor();
        if (code != 130) {
            throw new AssertionError("exit " + code + " after Ctrl-C, not 130:\n" + Files.readString(log));
        }
    }

    /** Sends SIGINT (what Ctrl-C sends) to {@code runner}; fails if the runner ignores it. */
    static void ctrlC(Process runner) throws IOException, InterruptedException {
        if (DefaultSigint.isIgnored(runner.pid()).orElse(false)) {
            runner.destroyForcibly();
            throw new AssertionError("the runner (pid " + runner.pid() + ") was started with SIGINT ignored");
        }
        new ProcessBuilder("kill", "-INT", Long.toString(runner.pid())).start().waitFor();
    }

    /**
     * Stops a runner with Ctrl-C once {@code checkpoints} (of run {@code runId}) holds a finished epoch, checks that
     * the run was left running, reruns the spec in this JVM and checks that it resumed and finished; returns the
     * finished record, to compare with an uninterrupted run's.
     */
    RunRecord ctrlCThenRerun(String runId, Path checkpoints, java.time.Duration timeout)
            throws IOException, InterruptedException {
        ctrlCAfterFirstEpoch(checkpoints, root.resolve("first.log"), timeout);
        org.junit.jupiter.api.Assertions.assertEquals(RunRecord.RUNNING, record(runId).status());
        Result rerun = runInProcess();
        org.junit.jupiter.api.Assertions.assertEquals(0, rerun.code(), rerun.err());
        org.junit.jupiter.api.Assertions.assertTrue(rerun.out().contains("  resuming"), rerun.out());
        RunRecord done = record(runId);
        org.junit.jupiter.api.Assertions.assertEquals(RunRecord.DONE, done.status());
        return done;
    }

    private String[] args() {
        return new String[]{specFile().toString(), "--output", root.resolve("out").toString()};
    }

    record Result(int code, String out, String err) {
    }

    /** Whether the checkpoint state in {@code checkpoints} was written after {@code since}. */
    static boolean savedAfter(Path checkpoints, Instant since) {
        try {
            return Files.getLastModifiedTime(checkpoints.resolve(EpochCheckpoint.STATE_FILE)).toInstant()
                    .isAfter(since);
        } catch (IOException e) {
            return false;
        }
    }

    /** The checkpoint state in {@code checkpoints}, if any can be read now. */
    static Optional<TrainingState> stateOf(Path checkpoints) {
        try {
            return EpochCheckpoint.load(checkpoints);
        } catch (RuntimeException e) {
            return Optional.empty(); // cannot happen with atomic writes; just poll again
        }
    }
}
