package org.sessionrnn.report;

import org.sessionrnn.results.RankFile;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;

/**
 * Paired significance tests between two result sets at one grid point: a paired t-test over the seeds both sides
 * ran, and a Wilcoxon signed-rank test over per-prefix reciprocal ranks at the cutoff (0 beyond it) read from the
 * runs' {@code ranks.bin}.
 */
public final class SignificanceTests {
    /** Name of the seed-level test. */
    public static final String T_TEST = "paired t-test over seeds";
    /** Name of the prefix-level test. */
    public static final String WILCOXON = "Wilcoxon signed-rank over prefixes";

    private static final int EXACT_LIMIT = 30;

    private SignificanceTests() {
    }

    /**
     * The paired t-test p-value of A's against B's metric values, paired by seed; empty with fewer than two
     * common seeds.
     */
    public static Optional<Double> pairedTTest(Map<Long, Double> aBySeed, Map<Long, Double> bBySeed) {
        List<Long> seeds = aBySeed.keySet().stream().filter(bBySeed::containsKey).sorted().toList();
        if (seeds.size() < 2) {
            return Optional.empty();
        }
        double[] a = seeds.stream().mapToDouble(aBySeed::get).toArray();
        double[] b = seeds.stream().mapToDouble(bBySeed::get).toArray();
        return Optional.of(new TTest().pairedTTest(a, b));
    }

    /**
     * The Wilcoxon signed-rank p-value over per-prefix reciprocal ranks@{@code cutoff} of paired runs (A's and B's
     * run folders in the same seed order), concatenated over the pairs; empty if a ranks file is missing or a pair
     * differs in its number of prefixes. The exact distribution is used up to 30 prefixes, the normal
     * approximation beyond.
     */
    public static Optional<Double> wilcoxon(List<Path> aRunDirs, List<Path> bRunDirs, int cutoff) throws IOException {
        DoubleStream.Builder a = DoubleStream.builder();
        DoubleStream.Builder b = DoubleStream.builder();
        for (int i = 0; i < aRunDirs.size(); i++) {
            Optional<double[]> x = reciprocalRanks(aRunDirs.get(i), cutoff);
            Optional<double[]> y = reciprocalRanks(bRunDirs.get(i), cutoff);
            if (x.isEmpty() || y.isEmpty() || x.get().length != y.get().length) {
                return Optional.empty();
            }
            Arrays.stream(x.get()).forEach(a);
            Arrays.stream(y.get()).forEach(b);
        }
        double[] xs = a.build().toArray();
        double[] ys = b.build().toArray();
        return xs.length == 0 ? Optional.empty()
                : Optional.of(new WilcoxonSignedRankTest().wilcoxonSignedRankTest(xs, ys, xs.length <= EXACT_LIMIT));
    }

    private static Optional<double[]> reciprocalRanks(Path runDir, int cutoff) throws IOException {
        Path file = runDir.resolve(RankFile.FILE_NAME);
        return Files.isRegularFile(file) ? Optional.of(RankFile.read(file).reciprocalRanks(cutoff)) : Optional.empty();
    }
}
