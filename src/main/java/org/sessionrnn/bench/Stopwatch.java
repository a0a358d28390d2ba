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

    /** Units per second of wall time. */
    static Samples rates(int warmup, int repeats, Work work) {
        return rates(warmup, repeats, work, System::nanoTime);
    }

    /**
     * Units per second of the process's CPU time (all threads): on a machine shared with other jobs this is
     * steadier than wall time for comparing two variants, although spinning worker threads count too.
     */
    static Samples cpuRates(int warmup, int repeats, Work work) {
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return rates(warmup, repeats, work, os::getProcessCpuTime);
    }

    private static Samples rates(int warmup, int repeats, Work work, java.util.function.LongSupplier clockNanos) {
        try {
            for (int i = 0; i < warmup; i++) {
                work.run();
            }
            double[] rates = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                long start = clockNanos.getAsLong();
                double units = work.run();
                rates[i] = units / ((clockNanos.getAsLong() - start) / 1e9);
            }
            return new Samples(rates);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
