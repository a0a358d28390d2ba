/**
 * The report stage: run records (see {@link org.sessionrnn.results}) turned into Tablesaw tables,
 * {@code summary.csv}, the Figure 4 reproduction, the paper's Table 1 and Table 2 beside our numbers, the
 * published session-based leaderboard beside our numbers ({@code Leaderboard}), per-run learning curves, and
 * comparisons between two result sets or against the paper's published values.
 *
 * <p>Every results file written by this package goes through {@link org.sessionrnn.io.AtomicFiles}, so a
 * reader never sees a half-written file. Charts render headless.
 */
package org.sessionrnn.report;
