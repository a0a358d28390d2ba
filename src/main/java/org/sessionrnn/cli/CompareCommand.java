package org.sessionrnn.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sessionrnn.report.Comparison;
import org.sessionrnn.report.PaperResults;
import org.sessionrnn.report.ResultComparison;
import org.sessionrnn.report.SummaryTable;
import org.sessionrnn.results.ResultsFileException;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.results.RunRecordIo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * {@code compare A B}: matches runs by (variant, GRU size, fraction), prints A, B and the deltas, and exits 1
 * when a metric of B is below A by more than the tolerance, 0 when none is, and 2 when an input cannot be
 * compared (missing or malformed file, unknown metric, bad tolerance, nothing in common), so that a CI job can
 * tell a regression from a broken input. With B {@code paper} it is a reproduction check instead: each metric of A
 * is above, within the tolerance of, or below the paper's value, and it exits 1 when one is below.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two result sets (summary.csv files or experiment folders): B against A.",
                "With B 'paper', check A as a reproduction of the paper: each metric above, within the tolerance "
                        + "of, or below the paper's value."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no regression: no metric of B is below A by more than the tolerance (against "
                + "'paper': no metric of A below the paper's by more than it)",
                "1:regression: some metric of B is below A by more than the tolerance (against 'paper': some "
                        + "metric of A is below the paper's), listed",
                "2:bad input: a missing or malformed file, an unknown or non-numeric metric, a bad --tolerance, "
                        + "or no run in common"})
final class CompareCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "A", description = "Baseline: summary.csv or experiment folder")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Candidate: summary.csv, experiment folder, or 'paper'")
    String b;

    @Option(names = "--metrics", split = ",", defaultValue = "recall,mrr",
            description = "Numeric summary columns to compare, higher is better (default: ${DEFAULT-VALUE})")
    List<String> metrics;

    @Option(names = "--tolerance", defaultValue = "0.005",
            description = "Largest drop of B below A (or of A below the paper) not counted as a regression, a "
                    + "finite number >= 0 (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new UsageException("--tolerance must be a finite number >= 0, got " + tolerance);
        }
        if (metrics.isEmpty() || metrics.stream().anyMatch(String::isBlank)) {
            throw new UsageException("--metrics must name summary columns, e.g. --metrics recall,mrr; got '"
                    + String.join(",", metrics) + "'");
        }
        if (new HashSet<>(metrics).size() < metrics.size()) {
            throw new UsageException("--metrics names a column twice: '" + String.join(",", metrics) + "'");
        }
        Comparison result;
        if ("paper".equals(b)) {
            result = ResultComparison.compare(table(a), PaperResults.table(), metrics, tolerance);
        } else if (isExperiment(a) && isExperiment(Path.of(b))) {
            checkMetrics(SummaryTable.fromRecords(a.toString(), RunRecordIo.readAll(a)), a);
            checkMetrics(SummaryTable.fromRecords(b, RunRecordIo.readAll(Path.of(b))), Path.of(b));
            result = ResultComparison.compare(a, Path.of(b), metrics, tolerance);
        } else {
            result = ResultComparison.compare(table(a), table(Path.of(b)), metrics, tolerance);
        }
        main.out().print(result.text());
        return result.exitCode();
    }

    /** A folder with run records: compared run by run, with prefix-level tests where ranks were kept. */
    private static boolean isExperiment(Path p) {
        return Files.isDirectory(p.resolve("runs"));
    }

    private Table table(Path p) throws IOException {
        Path csv = Files.isDirectory(p) ? p.resolve(SummaryTable.FILE_NAME) : p;
        if (Files.isDirectory(p) && !Files.exists(csv)) {
            throw new UsageException(p + " is not an experiment results folder (it has neither "
                    + SummaryTable.FILE_NAME + " nor runs/)");
        }
        if (!Files.exists(csv)) {
            throw new UsageException("no summary found at " + csv);
        }
        if (!Files.isRegularFile(csv)) {
            throw new UsageException(csv + " is not a file");
        }
        Table table = SummaryTable.read(csv);
        checkUniqueRuns(table, csv);
        checkMetrics(table, csv);
        return table;
    }

    /** A run listed twice would be counted twice (or disagree with itself): the file is not a summary. */
    private static void checkUniqueRuns(Table table, Path source) {
        Column<?> ids = table.column("run_id");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < table.rowCount(); i++) {
            Integer first = seen.putIfAbsent(ids.getString(i), i + 1);
            if (first != null) {
                throw new ResultsFileException(source + ": run '" + ids.getString(i)
                        + "' is listed twice (rows " + first + " and " + (i + 1) + ")");
            }
        }
    }

    /** Every metric is a numeric column with a value in every done row. */
    private void checkMetrics(Table table, Path source) {
        for (String metric : metrics) {
            if (!table.columnNames().contains(metric)) {
                throw new UsageException("--metrics: " + source + " has no column '" + metric + "' (numeric columns: "
                        + String.join(",", table.columns().stream().filter(c -> c instanceof NumericColumn<?>)
                        .map(Column::name).toList()) + ")");
            }
            Column<?> column = table.column(metric);
            if (!(column instanceof NumericColumn<?>)) {
                throw new UsageException("--metrics: column '" + metric + "' of " + source + " is not numeric");
            }
            Column<?> status = table.column("status");
            for (int i = 0; i < table.rowCount(); i++) {
                if (!RunStatus.DONE.text().equals(status.getString(i))) {
                    continue;
                }
                if (column.isMissing(i)) {
                    throw new ResultsFileException(source + ": row " + (i + 1) + " (" + table.column("run_id")
                            .getString(i) + ") is done but has no " + metric);
                }
                double value = ((NumericColumn<?>) column).getDouble(i);
                if (!Double.isFinite(value)) {
                    throw new ResultsFileException(source + ": row " + (i + 1) + " (" + table.column("run_id")
                            .getString(i) + ") has " + metric + " " + value + ", not a finite number");
                }
            }
        }
    }
}
