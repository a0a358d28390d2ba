package org.sessionrnn.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.sessionrnn.data.SequenceSet;
import org.sessionrnn.export.ExportSource;
import org.sessionrnn.export.ExportedModel;
import org.sessionrnn.export.ModelExporter;
import org.sessionrnn.model.BlockMaker;
import org.sessionrnn.model.EmbeddingCosineBlock;
import org.sessionrnn.model.ModelParts;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxBlock;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.model.TrainingOptions;
import org.sessionrnn.report.AlignedTable;
import org.sessionrnn.runner.ModelKind;
import org.sessionrnn.serve.LoadGenerator;
import org.sessionrnn.serve.ModelServer;
import org.sessionrnn.serve.Recommender;
import org.sessionrnn.serve.ServerSettings;

/**
 * Serving speed and size of M1 and M4 (randomly initialised at the bench's catalogue size; speed does not depend on
 * the values): the export's size on disk, the load time (SavedModel plus the first prediction), the latency of
 * single-session requests from one client (p50/p99) and the throughput with concurrent clients on loopback,
 * through the same HTTP server and micro-batcher as {@code serve}.
 */
public final class ServingBench {
    private static final int TOP = 100;
    private static final int K = 20;

    private final BenchSettings s;
    private final int clients;
    private final Duration duration;
    private final AlignedTable table = new AlignedTable(List.of("measurement", "value", "unit", "note"));

    /**
     * @param clients  concurrent clients of the throughput measurement
     * @param duration length of each load measurement
     */
    public ServingBench(BenchSettings settings, int clients, Duration duration) {
        this.s = settings;
        this.clients = clients;
        this.duration = duration;
    }

    /** Measures M1 and M4 and returns the table (plain text). */
    public String run() throws IOException, InterruptedException {
        Path tmp = Files.createTempDirectory("sessionrnn-serving-bench");
        try {
            SoftmaxWeights m1Weights;
            ModelParts m1Parts = SoftmaxBlock.m1(s.items(), s.embedding(), s.hidden(), s.steps(), s.seed());
            try (NeuralModel m1 = NeuralModel.build(m1Parts)) {
                m1Weights = SoftmaxWeights.of(m1);
                measure(ModelKind.M1, source(tmp, ModelKind.M1, m1, m1Parts.block()), tmp);
            }
            ModelParts m4Parts = EmbeddingCosineBlock.parts(s.items(), s.embedding(), s.hidden(), s.hidden(), s.steps(),
                    s.seed(), m1Weights, TrainingOptions.ADAM);
            try (NeuralModel m4 = NeuralModel.build(m4Parts)) {
                measure(ModelKind.M4, source(tmp, ModelKind.M4, m4, m4Parts.block()), tmp);
            }
        } finally {
            delete(tmp);
        }
        return table.plain();
    }

    private ExportSource source(Path tmp, ModelKind kind, NeuralModel model, BlockMaker block) throws IOException {
        Path prefix = tmp.resolve(kind.id() + "-checkpoint").resolve("best");
        Files.createDirectories(prefix.getParent());
        model.save(prefix);
        long[] ids = new long[s.items()];
        long[] clicks = new long[s.items()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 214_000_000L + i;
            clicks[i] = s.items() - i;
        }
        return new ExportSource(kind.id(), s.items(), s.embedding(), s.hidden(), s.steps(), prefix, block, ids, clicks,
                Map.of("variant", kind.id(), "synthetic", true));
    }

    private void measure(ModelKind kind, ExportSource source, Path tmp) throws IOException, InterruptedException {
        String name = kind.name();
        Path export = new ModelExporter(TOP).export(source, tmp.resolve(source.model() + "-export"), 1);
        add(name + " export size", size(export) / 1e6, "MB", "SavedModel + item map + popular items");
        try (ExportedModel model = ExportedModel.load(export)) {
            add(name + " load", model.loadSeconds(), "s", "SavedModel load + first prediction");
            ServerSettings settings = ServerSettings.defaults("bench").withPort(0).withDefaultK(K);
            try (ModelServer server = ModelServer.start(new Recommender(model), settings)) {
                URI url = URI.create("http://127.0.0.1:" + server.port() + "/v1/models/bench:predict");
                List<String> bodies = bodies(model);
                LoadGenerator.run(url, bodies, 1, 1, Duration.ofMillis(500)); // connections and JIT
                LoadGenerator.Result one = LoadGenerator.run(url, bodies, 1, 1, duration);
                report(name, one, 1);
                LoadGenerator.Result many = LoadGenerator.run(url, bodies, 1, clients, duration);
                report(name, many, clients);
            }
        }
    }

    private void report(String name, LoadGenerator.Result r, int n) {
        String load = String.format(Locale.ROOT, "%d client%s, %.0f s, %,d requests, %d lost, %d refused", n,
                n == 1 ? "" : "s", r.seconds(), r.sent(), r.lost(), r.refused());
        add(name + " latency p50, " + n + (n == 1 ? " client" : " clients"), r.percentileMs(50), "ms", load);
        add(name + " latency p99, " + n + (n == 1 ? " client" : " clients"), r.percentileMs(99), "ms", "");
        add(name + " throughput, " + n + (n == 1 ? " client" : " clients"), r.throughput(), "sessions/s",
                String.format(Locale.ROOT, "top-%d of %,d items, GRU %d, one session per request", K, s.items(),
                        s.hidden()));
    }

    /** Single-session requests over realistic prefixes. */
    private List<String> bodies(ExportedModel model) {
        SequenceSet seqs = RandomSequences.generate(1000, s.items(), s.seed());
        int[] clicks = new int[s.steps()];
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < seqs.size(); i++) {
            int n = seqs.copyInput(i, s.steps(), clicks, 0);
            StringBuilder b = new StringBuilder("{\"instances\": [{\"items\": [");
            for (int j = 0; j < n; j++) {
                b.append(j == 0 ? "" : ",").append(model.itemId(clicks[j]));
            }
            bodies.add(b.append("]}]}").toString());
        }
        return bodies;
    }

    private void add(String name, double value, String unit, String note) {
        table.add(List.of(name, String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.2f", value), unit, note));
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
