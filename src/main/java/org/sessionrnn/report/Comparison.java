package org.sessionrnn.report;

import org.sessionrnn.results.RunKey;
import java.util.List;

/**
 * The outcome of comparing result set B against result set A.
 *
 * @param text        the printable report: aligned table of A, B and delta per metric per key, tests, notes
 * @param regressions every (key, metric) where B is below A by more than the tolerance; against the paper (B),
 *                    where A, the reproduction, is below the paper's value by more than the tolerance
 * @param tests       the significance tests that could be run
 */
public record Comparison(String text, List<Regression> regressions, List<SignificanceTest> tests) {
    public Comparison {
        regressions = List.copyOf(regressions);
        tests = List.copyOf(tests);
    }

    /** 0 when there is no regression, else 1. */
    public int exitCode() {
        return regressions.isEmpty() ? 0 : 1;
    }

    /**
     * B below A by more than the tolerance (against the paper: A below the paper's value B).
     *
     * @param key    the compared grid point
     * @param metric the metric
     * @param a      A's value (mean over seeds)
     * @param b      B's value (mean over seeds)
     */
    public record Regression(RunKey key, String metric, double a, double b) {
    }

    /**
     * One significance test of A against B at a key.
     *
     * @param key    the compared grid point
     * @param metric the metric tested (for the Wilcoxon test: per-prefix reciprocal rank)
     * @param test   "paired t-test over seeds" or "Wilcoxon signed-rank over prefixes"
     * @param n      number of pairs
     * @param pValue two-sided p-value (NaN when undefined, e.g. all differences zero)
     */
    public record SignificanceTest(RunKey key, String metric, String test, int n, double pValue) {
    }
}
