package org.sessionrnn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sessionrnn.model.Batch;
import org.sessionrnn.model.EmbeddingCosineBlock;
import org.sessionrnn.model.ModelParts;
import org.sessionrnn.model.NegativeSampler;
import org.sessionrnn.model.SampledSoftmaxLoss;
import org.sessionrnn.model.NeuralModel;
import org.sessionrnn.model.SoftmaxBlock;
import org.sessionrnn.model.TrainingOptions;
import org.sessionrnn.model.SoftmaxWeights;
import org.sessionrnn.report.AlignedTable;

/**
 * Runs every measurement of {@code bench} and lays them out as one table: the reference MatMul first (so the
 * machine's state is known), the models next while the process is still small (peak RSS is read right after
 * them), preprocessing last (its Java heap would otherwise inflate the models' peak RSS).
 */
public final class Benchmark {
    private static final int REFERENCE_SIZE = 2048;
    private static final int TOP_K = 20;
    /** Negatives of the sampled-softmax training row: experiments/benchmark.yaml's setting. */
    private static final int SAMPLED_NEGATIVES = 2048;

    private final BenchSettings s;
    private final List<List<String>> rows = new ArrayList<>();

    public Benchmark(BenchSettings settings) {
        this.s = settings;
    }

    /** Measures everything and returns the table (plain text). */
    public String run() {
        Samples reference = MatMulReference.flops(REFERENCE_SIZE, s.repeats()).scaled(1e-9);
        add("float32 MatMul " + REFERENCE_SIZE + "^3 (reference)", reference, "GFLOP/s", "");
        measureModels(reference.median());
        measurePrediction();
        add("peak RSS (training, evaluation, prediction)", single(PeakMemory.peakRssBytes() / 1e6), "MB", "VmHWM");
        add("preprocessing (read + RSC15 filter/split)", PreprocessBench.clicksPerSecond(s), "clicks/s",
                String.format(Locale.ROOT, "%,d synthetic raw clicks", s.clicks()));
        return table();
    }

    /**
     * Only M1 training and evaluation, per second of wall time and per second of process CPU time (for A/B
     * comparisons of model code on a busy machine); returns the table.
     */
    public String runModels() {
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.m1(s.items(), s.embedding(), s.hidden(), s.steps(), s.seed()))) {
            return runModels(model);
        }
    }

    /** As {@link #runModels()} for a given model (e.g. a training variant); the caller closes it. */
    public String runModels(NeuralModel model) {
        ModelBench bench = new ModelBench(s);
        {
            add("M1 training", bench.training(model, false), "seq/s", "wall");
            add("M1 training", bench.training(model, true), "seq/CPU-s", "process CPU time");
            add("M1 evaluation", bench.evaluation(model, false), "prefixes/s", "wall");
            add("M1 evaluation", bench.evaluation(model, true), "prefixes/CPU-s", "process CPU time");
        }
        return table();
    }

    private String table() {
        AlignedTable table = new AlignedTable(List.of("measurement", "median", "min", "max", "unit", "note"));
        rows.forEach(table::add);
        return table.plain();
    }

    private void measureModels(double referenceGflops) {
        ModelBench bench = new ModelBench(s);
        try (NeuralModel model = NeuralModel.build(SoftmaxBlock.m1(s.items(), s.embedding(), s.hidden(), s.steps(), s.seed()))) {
            Samples training = bench.training(model);
            add("M1 training", training, "seq/s", perReference(training, referenceGflops, "seq/s"));
            double clicks = bench.meanInputLength();
            double flops = FlopCount.trainingPerSequence(s.items(), s.embedding(), s.hidden(), clicks);
            Samples gflops = training.scaled(flops * 1e-9);
            add("M1 training achieved", gflops, "GFLOP/s", String.format(Locale.ROOT,
                    "%.0f%% of reference; 6HN + 3L(6EH + 6H^2) = %.1f MFLOP/seq at L = %.2f clicks",
                    100 * gflops.median() / referenceGflops, flops / 1e6, clicks));
            Samples evaluation = bench.evaluation(model);
            add("M1 evaluation (rank all items, Recall/MRR)", evaluation, "prefixes/s", perReference(evaluation,
                    referenceGflops, "prefixes/s"));
        }
        try (NeuralModel sampled = NeuralModel.build(sampledM1(bench.batches()))) {
            Samples training = bench.training(sampled);
            add("M1 training, sampled softmax (" + SAMPLED_NEGATIVES + " negatives)", training, "seq/s",
                    perReference(training, referenceGflops, "seq/s"));
        }
    }

    /** M1 trained with a sampled softmax, its negatives drawn by the label counts of the bench's batches. */
    private ModelParts sampledM1(Batch[] batches) {
        int[] counts = new int[s.items()];
        for (Batch b : batches) {
            for (int r = 0; r < b.size(); r++) {
                counts[b.label(r)]++;
            }
        }
        return SoftmaxBlock.parts(s.items(), s.embedding(), s.hidden(), s.steps(), s.seed(),
                SoftmaxBlock.Options.NONE, () -> new SampledSoftmaxLoss(new NegativeSampler(counts,
                        SAMPLED_NEGATIVES, s.seed())), TrainingOptions.ADAM);
    }

    /** The median per GFLOP/s of the reference measured in the same run, with the shape. */
    private String perReference(Samples rate, double referenceGflops, String unit) {
        return String.format(Locale.ROOT, "%.1f %s per reference GFLOP/s; %s", rate.median() / referenceGflops, unit,
                shape());
    }

    /**
     * M4's top-k prediction with the real M4 ({@link EmbeddingCosineBlock}) (hidden layer of the GRU size, as the
     * experiments default to), its targets taken from a randomly initialised M1: speed does not depend on the
     * values.
     */
    private void measurePrediction() {
        Batch[] batches = new ModelBench(s).batches();
        int[] top = new int[s.batch() * TOP_K];
        SoftmaxWeights weights;
        try (NeuralModel m1 = NeuralModel.build(SoftmaxBlock.m1(s.items(), s.embedding(), s.hidden(), s.steps(), s.seed()))) {
            weights = SoftmaxWeights.of(m1);
        }
        try (NeuralModel m4 = NeuralModel.build(EmbeddingCosineBlock.parts(s.items(), s.embedding(), s.hidden(),
                s.hidden(), s.steps(), s.seed(), weights, TrainingOptions.ADAM))) {
            Samples rate = Stopwatch.rates(1, s.repeats(), () -> {
                for (Batch b : batches) {
                    m4.predictTopK(b, TOP_K, top);
                }
                return (double) s.batch() * batches.length;
            });
            add("M4 prediction (cosine, top-" + TOP_K + ")", rate, "prefixes/s", shape());
        }
    }

    private String shape() {
        return String.format(Locale.ROOT, "%,d items, GRU %d, batch %d", s.items(), s.hidden(), s.batch());
    }

    private static Samples single(double value) {
        return new Samples(new double[]{value});
    }

    private void add(String name, Samples v, String unit, String note) {
        rows.add(List.of(name, number(v.median()), number(v.min()), number(v.max()), unit, note));
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.2f", v);
    }
}
