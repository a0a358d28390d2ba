package org.sessionrnn.tune;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.sessionrnn.cli.Main;

/**
 * A tiny tune in a folder of its own, on GRU4Rec-style train/test files with a planted pattern: every session
 * walks the permutation {@code next = (7 * item + 3) mod 60} from a random start, so a model that learns reaches a
 * validation Recall@20 near 1 while one that does not stays near 20/60. Run in-process or as a separate JVM.
 */
final class PlantedTune {
    static final int ITEMS = 60;
    static final String NAME = "planted";
    /**
     * Four settings, one trial each: learning rates up to 0.00005 cannot learn the pattern in two epochs, 0.05 can,
     * so 0.05 is the planted best setting.
     */
    static final String SPEC = """
            name: planted
            seeds: [2]
            data:
              source: gru4rec
              train: %s
              test: %s
            protocol:
              fractions: [1]
            variants:
              - model: m1
                gru_sizes: [12]
                embedding: 12
                batch_size: 64
                max_epochs: 2
                patience: 2
            search:
              trials: 4
              eta: 2
              min_epochs: 1
              seed: 5
              params:
                learning_rate: [0.00001, 0.00002, 0.00005, 0.05]
            """;

    final Path root;

    PlantedTune(Path root) throws IOException {
        this.root = root;
        writeSessions(train(), 700, 0, 11);
        writeSessions(test(), 80, 1_000_000, 12);
        Files.writeString(specFile(), SPEC.formatted(train(), test()));
    }

    Path specFile() {
        return root.resolve("tune.yaml");
    }

    Path train() {
        return root.resolve("train.tsv");
    }

    Path test() {
        return root.resolve("test.tsv");
    }

    Path dir() {
        return root.resolve("out").resolve(NAME);
    }

    String[] args(String... extra) {
        List<String> all = new java.util.ArrayList<>(List.of("tune", specFile().toString(), "--output",
                root.resolve("out").toString()));
        all.addAll(List.of(extra));
        return all.toArray(String[]::new);
    }

    /** Sessions of 3 to 7 clicks walking the planted permutation, one click a second from {@code start}. */
    static void writeSessions(Path file, int sessions, long start, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        StringBuilder tsv = new StringBuilder("SessionId\tItemId\tTime\n");
        long time = start;
        for (int s = 0; s < sessions; s++) {
            int item = rng.nextInt(ITEMS);
            int length = 3 + rng.nextInt(5);
            for (int k = 0; k < length; k++) {
                tsv.append(start + s).append('\t').append(100 + item).append('\t').append(time++).append(".0\n");
                item = (7 * item + 3) % ITEMS;
            }
        }
        Files.writeString(file, tsv.toString());
    }

    /** Runs the command line in this JVM; stdout and stderr captured. */
    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Main.execute(args, o, e);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Starts the command line as a separate JVM on this test's class path, output going to {@code log}. */
    Process start(Path log, String... jvmOptions) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin);
        pb.command().addAll(List.of(jvmOptions));
        pb.command().addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        pb.command().addAll(List.of(args()));
        pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
        return pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    record Result(int code, String out, String err) {
    }
}
