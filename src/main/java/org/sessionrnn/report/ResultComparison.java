package org.sessionrnn.report;

import org.sessionrnn.results.ResultsFileException;
import org.sessionrnn.results.RunKey;
import org.sessionrnn.results.RunRecordIo;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code compare} command's logic: result set B against result set A, metric by metric.
 *
 * <p>Two summaries are matched by (variant, gru_size, fraction) over their done runs; values are means over seeds.
 * When B is the paper's table ({@link PaperResults#table()}), its rows are matched by (model, gru_size): the
 * paper gives no fraction for its Table 1 models, so each paper row is compared with A's best done run (by recall)
 * of that model and GRU size, whatever its fraction (the text says which run), and the comparison is a
 * reproduction check: each metric of A is above, within {@code tolerance} of, or below the paper's value, and only
 * A below the paper counts as a failure. Between two summaries a regression is B below A by more than
 * {@code tolerance} (absolute) on any metric. Metrics are read as higher-is-better. Where both sides have
 * two or more common seeds at a key, a paired t-test over seeds is run per metric; when the two experiment folders
 * are given and both sides' runs kept {@code ranks.bin}, a Wilcoxon signed-rank test over per-prefix reciprocal
 * ranks at the cutoff.
 */
public final class ResultComparison {
    /** Verdicts of a reproduction check against the paper, as printed. */
    static final String ABOVE = "above";
    static final String WITHIN = "within";
    static final String BELOW = "below";

    private ResultComparison() {
    }

    /** Compares two summary tables, or a summary (A) with the paper's values (B). */
    public static Comparison compare(Table a, Table b, List<String> metrics, double tolerance) {
        try {
            return compare(a, b, metrics, tolerance, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares two experiment folders from their run records, with prefix-level tests where ranks were kept. */
    public static Comparison compare(Path experimentA, Path experimentB, List<String> metrics, double tolerance)
            throws IOException {
        return compare(summaryOf(experimentA), summaryOf(experimentB), metrics, tolerance, experimentA, experimentB);
    }

    private static Comparison compare(Table a, Table b, List<String> metrics, double tolerance, Path dirA,
                                      Path dirB) throws IOException {
        boolean paper = PaperResults.isPaperTable(b);
        List<Match> matches = paper ? paperMatches(SummaryTable.done(a), b) : runMatches(SummaryTable.done(a),
                SummaryTable.done(b));
        if (matches.isEmpty()) {
            // nothing compared is not "no regression": a CI job must not pass on disjoint or empty results
            throw new ResultsFileException("nothing to compare: no done run of " + a.name() + " has a done "
                    + "counterpart (same variant, GRU size and fraction) in " + (paper ? "the paper" : b.name()));
        }
        List<Comparison.Regression> regressions = new ArrayList<>();
        List<Comparison.SignificanceTest> tests = new ArrayList<>();
        AlignedTable table = new AlignedTable(paper ? paperHeader(metrics) : header(metrics));
        for (Match m : matches) {
            table.add(paper ? paperRow(m, metrics, tolerance) : row(m, metrics));
            // against the paper, the failure is a reproduction (A) below the paper's value, not the reverse
            metrics.stream().filter(metric -> paper ? m.a(metric) - m.b(metric) < -tolerance
                            : m.b(metric) - m.a(metric) < -tolerance)
                    .forEach(metric -> regressions.add(new Comparison.Regression(m.key, metric, m.a(metric),
                            m.b(metric))));
            tests.addAll(tTests(m, metrics));
            if (dirA != null && dirB != null) {
                wilcoxon(m, dirA, dirB).ifPresent(tests::add);
            }
        }
        return new Comparison(text(a, b, paper, tolerance, table, regressions, tests), regressions, tests);
    }

    private static Table summaryOf(Path experimentDir) throws IOException {
        return SummaryTable.fromRecords(experimentDir.getFileName().toString(), RunRecordIo.readAll(experimentDir));
    }

    private static List<Match> runMatches(Table a, Table b) {
        Map<RunKey, List<Row>> aGroups = groups(a);
        Map<RunKey, List<Row>> bGroups = groups(b);
        List<Match> matches = new ArrayList<>();
        aGroups.forEach((key, rows) -> {
            if (bGroups.containsKey(key)) {
                matches.add(new Match(key, rows.size() + "/" + bGroups.get(key).size() + " seeds", rows,
                        bGroups.get(key), Map.of()));
            }
        });
        return matches;
    }

    private static List<Match> paperMatches(Table a, Table paper) {
        Map<RunKey, Map<String, Double>> values = new TreeMap<>();
        for (PaperResults.PaperValue v : PaperResults.values(paper)) {
            if (!v.kind().equals(PaperResults.DATASET)) {
                values.computeIfAbsent(RunKey.anyFraction(v.model(), v.gruSize()), k -> new TreeMap<>())
                        .put(v.metric(), v.value());
            }
        }
        List<Match> matches = new ArrayList<>();
        values.forEach((key, metrics) -> PaperTables.best(a.where(a.stringColumn("model").isEqualTo(key.name())
                        .and(a.intColumn("gru_size").isEqualTo(key.gruSize()))))
                .ifPresent(best -> matches.add(new Match(key, "A: " + best.getString("run_id") + " @ "
                        + best.getString("fraction"), List.of(best), List.of(), metrics))));
        return matches;
    }

    private static Map<RunKey, List<Row>> groups(Table done) {
        Map<RunKey, List<Row>> groups = new TreeMap<>();
        for (int i = 0; i < done.rowCount(); i++) {
            Row row = done.row(i);
            groups.computeIfAbsent(SeedGroups.keyOf(row), k -> new ArrayList<>()).add(row);
        }
        return groups;
    }

    private static List<Comparison.SignificanceTest> tTests(Match m, List<String> metrics) {
        List<Comparison.SignificanceTest> tests = new ArrayList<>();
        for (String metric : metrics) {
            Map<Long, Double> a = bySeed(m.aRows, metric);
            Map<Long, Double> b = bySeed(m.bRows, metric);
            SignificanceTests.pairedTTest(a, b).ifPresent(p -> tests.add(new Comparison.SignificanceTest(m.key,
                    metric, SignificanceTests.T_TEST, commonSeeds(m).size(), p)));
        }
        return tests;
    }

    private static Optional<Comparison.SignificanceTest> wilcoxon(Match m, Path dirA, Path dirB) throws IOException {
        List<Long> seeds = commonSeeds(m);
        if (seeds.isEmpty()) {
            return Optional.empty();
        }
        int cutoff = m.aRows.get(0).getInt("cutoff");
        Optional<Double> p = SignificanceTests.wilcoxon(runDirs(dirA, m.aRows, seeds), runDirs(dirB, m.bRows, seeds),
                cutoff);
        return p.map(v -> new Comparison.SignificanceTest(m.key, "reciprocal rank@" + cutoff,
                SignificanceTests.WILCOXON, seeds.size(), v));
    }

    private static List<Path> runDirs(Path experimentDir, List<Row> rows, List<Long> seeds) {
        Map<Long, String> ids = rows.stream().collect(Collectors.toMap(r -> r.getLong("seed"),
                r -> r.getString("run_id"), (x, y) -> x));
        return seeds.stream().map(s -> experimentDir.resolve("runs").resolve(ids.get(s))).toList();
    }

    private static List<Long> commonSeeds(Match m) {
        Set<Long> b = m.bRows.stream().map(r -> r.getLong("seed")).collect(Collectors.toSet());
        return m.aRows.stream().map(r -> r.getLong("seed")).filter(b::contains).distinct().sorted().toList();
    }

    private static Map<Long, Double> bySeed(List<Row> rows, String metric) {
        Map<Long, Double> values = new TreeMap<>();
        rows.forEach(r -> values.put(r.getLong("seed"), r.getNumber(metric)));
        return values;
    }

    private static List<String> header(List<String> metrics) {
        List<String> header = new ArrayList<>(List.of("key", "matched"));
        metrics.forEach(m -> header.addAll(List.of(m + " A", m + " B", m + " delta")));
        return header;
    }

    private static List<String> row(Match m, List<String> metrics) {
        List<String> cells = new ArrayList<>(List.of(m.key.toString(), m.matched));
        for (String metric : metrics) {
            cells.add(number(m.a(metric)));
            cells.add(number(m.b(metric)));
            cells.add(number(m.b(metric) - m.a(metric)));
        }
        return cells;
    }

    private static List<String> paperHeader(List<String> metrics) {
        List<String> header = new ArrayList<>(List.of("key", "matched"));
        metrics.forEach(m -> header.addAll(List.of(m + " A", m + " paper", m + " A-paper", m + " vs paper")));
        return header;
    }

    private static List<String> paperRow(Match m, List<String> metrics, double tolerance) {
        List<String> cells = new ArrayList<>(List.of(m.key.toString(), m.matched));
        for (String metric : metrics) {
            cells.add(number(m.a(metric)));
            cells.add(number(m.b(metric)));
            cells.add(number(m.a(metric) - m.b(metric)));
            cells.add(verdict(m.a(metric) - m.b(metric), tolerance));
        }
        return cells;
    }

    /** Where a reproduction stands against the paper's value: more than the tolerance above or below, or within. */
    static String verdict(double aMinusPaper, double tolerance) {
        if (Double.isNaN(aMinusPaper)) {
            return Format.MISSING;
        }
        return aMinusPaper > tolerance ? ABOVE : aMinusPaper < -tolerance ? BELOW : WITHIN;
    }

    private static String text(Table a, Table b, boolean paper, double tolerance, AlignedTable table,
                               List<Comparison.Regression> regressions, List<Comparison.SignificanceTest> tests) {
        StringBuilder out = new StringBuilder("A: " + a.name() + "    B: " + (paper ? "paper" : b.name())
                + "    tolerance: " + tolerance + "\n");
        if (paper) {
            out.append("A reproduction check: each metric of A is above, within the tolerance of, or below the "
                    + "paper's value; only below fails.\nThe paper's values carry no training fraction: each is "
                    + "matched to A's best done run (by recall) of that model and GRU size.\n");
        }
        out.append('\n').append(table.rowCount() == 0 ? "No key is present on both sides.\n" : table.plain());
        if (!tests.isEmpty()) {
            AlignedTable t = new AlignedTable(List.of("key", "metric", "test", "n", "p-value"));
            tests.forEach(s -> t.add(List.of(s.key().toString(), s.metric(), s.test(), Integer.toString(s.n()),
                    Double.isNaN(s.pValue()) ? "n/a" : String.format(Locale.ROOT, "%.4g", s.pValue()))));
            out.append("\nSignificance tests (n: seeds paired)\n").append(t.plain());
        }
        if (paper) {
            out.append("\nReproductions below the paper by more than ").append(tolerance).append(": ");
            out.append(regressions.isEmpty() ? "none\n" : regressions.size() + "\n");
            regressions.forEach(r -> out.append("  ").append(r.key()).append(' ').append(r.metric()).append(": ")
                    .append(number(r.a())).append(" (paper ").append(number(r.b())).append(")\n"));
            return out.toString();
        }
        out.append("\nRegressions (B below A by more than ").append(tolerance).append("): ");
        out.append(regressions.isEmpty() ? "none\n" : regressions.size() + "\n");
        regressions.forEach(r -> out.append("  ").append(r.key()).append(' ').append(r.metric()).append(": ")
                .append(number(r.a())).append(" -> ").append(number(r.b())).append('\n'));
        return out.toString();
    }

    private static String number(double value) {
        return Double.isNaN(value) ? Format.MISSING : String.format(Locale.ROOT, "%.4f", value);
    }

    /** A key present on both sides with A's rows and B's rows (or B's paper values). */
    private record Match(RunKey key, String matched, List<Row> aRows, List<Row> bRows, Map<String, Double> paper) {
        double a(String metric) {
            return mean(aRows, metric);
        }

        double b(String metric) {
            return bRows.isEmpty() ? paper.getOrDefault(metric, Double.NaN) : mean(bRows, metric);
        }

        private static double mean(List<Row> rows, String metric) {
            return rows.stream().mapToDouble(r -> r.getNumber(metric)).average().orElse(Double.NaN);
        }
    }
}
