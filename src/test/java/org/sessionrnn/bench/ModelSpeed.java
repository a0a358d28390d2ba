package org.sessionrnn.bench;


/**
 * Developer tool for A/B comparisons of model code: only the M1 training and evaluation rows of {@code bench}.
 * Put another build's classes first on the class path to measure that build's model with the same harness.
 * Usage: {@code ModelSpeed [ITEMS [GRU [BATCH [REPEATS [BATCHES]]]]]}.
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
        System.out.print(new Benchmark(new BenchSettings(items, 50, gru, batch, 19, 1, repeats, batches, 1))
                .runModels());
    }
}
