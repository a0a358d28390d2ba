package org.sessionrnn.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.sessionrnn.bench.BenchSettings;
import java.time.Duration;
import org.sessionrnn.bench.Benchmark;
import org.sessionrnn.bench.ServingBench;
import org.sessionrnn.io.Limits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: prints one table of throughput and memory measured on synthetic inputs. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure preprocessing, training, evaluation and prediction speed on synthetic inputs.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "2:a flag out of range, or sizes whose models cannot fit in memory (the flag "
                + "is named)",
                "1:an unexpected error (one line; --debug shows the stack trace)"})
final class BenchCommand implements Callable<Integer> {
    /** Input steps of the benchmarked models, as the paper's protocol. */
    private static final int STEPS = 19;

    @Spec
    CommandSpec spec;

    @Option(names = "--items", defaultValue = "37483", description = "Catalogue size (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--gru", defaultValue = "100", description = "GRU units (default: ${DEFAULT-VALUE})")
    int gru;

    @Option(names = "--embedding", defaultValue = "50", description = "Embedding size (default: ${DEFAULT-VALUE})")
    int embedding;

    @Option(names = "--batch", defaultValue = "512", description = "Batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--clicks", defaultValue = "5000000",
            description = "Raw clicks for the preprocessing benchmark (default: ${DEFAULT-VALUE})")
    long clicks;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed repeats (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--batches", defaultValue = "8",
            description = "Batches timed per repeat of a model measurement (default: ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic inputs (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--serving", description = "Measure export size, load time, HTTP latency and throughput of M1 and M4 instead")
    boolean serving;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients of --serving (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", defaultValue = "10", description = "Length of each --serving load run (default: ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() throws Exception {
        checkFlags();
        BenchSettings settings = new BenchSettings(items, embedding, gru, batch, STEPS, clicks, repeats, batches,
                seed);
        PrintWriter out = spec.commandLine().getOut();
        if (serving) {
            out.print(new ServingBench(settings, clients, Duration.ofMillis(Math.round(seconds * 1000))).run());
            out.flush();
            return 0;
        }
        out.print(new Benchmark(settings).run());
        out.flush();
        return 0;
    }

    /** Each flag in its range; else the flag is named with its range. */
    private void checkFlags() {
        range("--items", items, 2, Limits.MAX_ITEMS);
        range("--gru", gru, 1, Limits.MAX_LAYER);
        range("--embedding", embedding, 1, Limits.MAX_LAYER);
        range("--batch", batch, 1, Limits.MAX_BATCH);
        range("--clicks", clicks, 1, Limits.maxClicks());
        range("--repeats", repeats, 1, 1000);
        range("--batches", batches, 1, 10_000);
        range("--seed", seed, 0, Long.MAX_VALUE);
        range("--clients", clients, 1, 1024);
        if (!(seconds > 0 && seconds <= 3600)) {
            throw new UsageException("--seconds must be above 0 and at most 3600, got " + seconds);
        }
        Limits.memoryProblem(items, embedding, gru, batch, STEPS, new Limits.Keys("--gru", "--embedding", "--batch",
                "the steps")).ifPresent(problem -> {
                    throw new UsageException("bench: " + problem);
                });
    }

    private static void range(String flag, long value, long low, long high) {
        if (value < low || value > high) {
            throw new UsageException(flag + " must be in [" + low + ", " + high + "], got " + value);
        }
    }
}
