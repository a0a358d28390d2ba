package org.sessionrnn.bench;

import org.sessionrnn.model.SampledSoftmaxModel;
import org.sessionrnn.model.SoftmaxModel;

/**
 * Developer tool for A/B comparisons of model code: only the M1 training and evaluation rows of {@code bench}.
 * Put another build's classes first on the class path to measure that build's model with the same harness.
 * With SAMPLES > 0 the model trains with {@link SampledSoftmaxModel} (not the paper's model).
 * Usage: {@code ModelSpeed [ITEMS [GRU [BATCH [REPEATS [BATCHES [SAMPLES]]]]]]}.
 */
public final class ModelSpeed {
    private ModelSpeed() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 37483;
        int gru = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        int batches = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        int sampled = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Benchmark bench = new Benchmark(new BenchSettings(items, 50, gru, batch, 19, 1, repeats, batches, 1));
        if (sampled == 0) {
            System.out.print(bench.runModels());
            return;
        }
        double[] popularity = new double[items];
        for (int i = 0; i < items; i++) {
            popularity[i] = 1 / Math.sqrt(i + 1.0); // the skew of RandomSequences' squared-uniform items
        }
        try (SoftmaxModel model = SampledSoftmaxModel.create(items, 50, gru, 19, 1, sampled, popularity)) {
            System.out.println("sampled softmax, " + sampled + " samples (not the paper's model)");
            System.out.print(bench.runModels(model));
        }
    }
}
