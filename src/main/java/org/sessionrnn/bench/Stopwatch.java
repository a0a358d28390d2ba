package org.sessionrnn.bench;

/** Runs a piece of work a few times untimed, then times each repeat: rates in units per second. */
final class Stopwatch {
    private Stopwatch() {
    }

    /** A unit of work that reports how many units (sequences, clicks, FLOPs) it processed. */
    @FunctionalInterface
    interface Work {
        double run() throws Exception;
    }

    static Samples rates(int warmup, int repeats, Work work) {
        try {
            for (int i = 0; i < warmup; i++) {
                work.run();
            }
            double[] rates = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                double units = work.run();
                rates[i] = units / ((System.nanoTime() - start) / 1e9);
            }
            return new Samples(rates);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
