package org.sessionrnn.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.sessionrnn.cli.Main;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.SequenceBuilder;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;

/**
 * One tiny experiment (M1, M4, M3, m1plus tied and untied, m1norm with and without a repeat term, and a refit M1 at GRU 16, two or three epochs on 12,000 synthetic
 * clicks), trained once per test JVM and exported once per run, shared by the export and serving tests.
 */
public final class TinyModels {
    static final String SPEC = """
            name: tiny
            seeds: [3]
            data:
              source: synthetic
              synthetic: {clicks: 12000, items: 150, clusters: 8}
            protocol:
              fractions: [1]
            variants:
              - model: m1
                gru_sizes: [16]
                max_epochs: 3
                patience: 3
              - model: m4
                gru_sizes: [16]
                max_epochs: 3
                patience: 3
              - model: m3
                gru_sizes: [16]
                max_epochs: 2
                patience: 2
              - model: m1plus
                gru_sizes: [16]
                max_epochs: 3
                patience: 3
              - label: m1_refit
                model: m1
                refit: true
                gru_sizes: [16]
                max_epochs: 3
                patience: 3
              - model: m1norm
                gru_sizes: [16]
                max_epochs: 3
                patience: 3
              - label: m1norm_repeat
                model: m1norm
                repeat_window: 4
                sampled_negatives: 30
                gru_sizes: [16]
                max_epochs: 3
                patience: 3
              - label: m1plus_untied
                model: m1plus
                tied_embedding: false
                embedding: 12
                gru_sizes: [16]
                max_epochs: 3
                patience: 3
            """;
    public static final String M1 = "m1-gru16-f1-s3";
    public static final String M4 = "m4-gru16-f1-s3";
    public static final String M3 = "m3-gru16-f1-s3";
    /** m1plus with its defaults: tied embedding, output dropout. */
    public static final String M1PLUS = "m1plus-gru16-f1-s3";
    /** m1norm: m1plus with scaled-cosine scores over normalised, tied embeddings. */
    public static final String M1NORM = "m1norm-gru16-f1-s3";
    /** m1norm with a repeat term over the last 4 clicks, trained with a sampled softmax. */
    public static final String M1NORM_REPEAT = "m1norm_repeat-gru16-f1-s3";
    /** m1plus with a separate input embedding (of another size than the GRU's). */
    public static final String M1PLUS_UNTIED = "m1plus_untied-gru16-f1-s3";
    /** M1 refit on all training sequences after early stopping: its evaluated weights are the refit's. */
    public static final String M1_REFIT = "m1_refit-gru16-f1-s3";

    private static TinyModels instance;

    private final Path root;
    private final Path experiment;

    private TinyModels(Path root) {
        this.root = root;
        this.experiment = root.resolve("out").resolve("tiny");
    }

    /** The trained experiment, trained on first use. */
    public static synchronized TinyModels get() throws IOException {
        if (instance == null) {
            Path root = Files.createTempDirectory("tiny-models");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(root)));
            Files.writeString(root.resolve("spec.yaml"), SPEC);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
                int code = Main.execute(new String[]{root.resolve("spec.yaml").toString(), "--output",
                        root.resolve("out").toString()}, o, o);
                if (code != 0) {
                    throw new IllegalStateException("tiny experiment failed: " + out.toString(StandardCharsets.UTF_8));
                }
            }
            instance = new TinyModels(root);
        }
        return instance;
    }

    public Path runDir(String runId) {
        return experiment.resolve("runs").resolve(runId);
    }

    /** The run exported with the given top (once per run and top), version 1 inside the returned folder. */
    public synchronized Path exported(String runId, int top) throws IOException {
        Path dir = root.resolve("exports").resolve(runId + "-top" + top);
        if (!Files.exists(dir.resolve("1"))) {
            new ModelExporter(top).export(RunExport.of(runDir(runId)), dir, 1);
        }
        return dir;
    }

    /** The grid cell of a run, as the runner expanded it from the resolved spec. */
    public RunSpec runSpec(String runId) {
        return GridExpander.expand(spec()).stream().filter(r -> r.id().equals(runId)).findFirst().orElseThrow();
    }

    private ExperimentSpec spec() {
        return SpecLoader.load(experiment.resolve("spec.yaml"), List.of(), root.resolve("out"));
    }

    /** The experiment's data, prepared as the runner prepared it. */
    public Dataset dataset() {
        ExperimentSpec spec = spec();
        return new DataLoader(spec.output().resolve(".cache"), PreprocessListener.NONE).load(spec.data());
    }

    /** The test prefixes in the runner's evaluation order (the order of ranks.bin). */
    public SequenceSet testPrefixes() {
        return SequenceBuilder.inSessionOrder(dataset().test());
    }

    public Path root() {
        return root;
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
