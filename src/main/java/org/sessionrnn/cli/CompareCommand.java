package org.sessionrnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sessionrnn.report.Comparison;
import org.sessionrnn.report.PaperResults;
import org.sessionrnn.report.ResultComparison;
import org.sessionrnn.report.SummaryTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.Table;

/**
 * {@code compare A B}: matches runs by (variant, GRU size, fraction), prints A, B and the deltas, and exits 1
 * when a metric of B is below A by more than the tolerance. B may be {@code paper}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two result sets (summary.csv files or experiment folders); B may be 'paper'.")
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "Baseline: summary.csv or experiment folder")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "Candidate: summary.csv, experiment folder, or 'paper'")
    String b;

    @Option(names = "--metrics", split = ",", defaultValue = "recall,mrr",
            description = "Summary columns to compare (default: ${DEFAULT-VALUE})")
    List<String> metrics;

    @Option(names = "--tolerance", defaultValue = "0.005",
            description = "Largest drop of B below A not counted as a regression (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--debug", description = "Show stack traces of errors")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        if (tolerance < 0) {
            throw new UsageException("--tolerance must be >= 0, got " + tolerance);
        }
        Comparison result;
        if ("paper".equals(b)) {
            result = ResultComparison.compare(table(a), PaperResults.table(), metrics, tolerance);
        } else if (Files.isDirectory(a) && Files.isDirectory(Path.of(b))) {
            result = ResultComparison.compare(a, Path.of(b), metrics, tolerance);
        } else {
            result = ResultComparison.compare(table(a), table(Path.of(b)), metrics, tolerance);
        }
        System.out.print(result.text());
        return result.exitCode();
    }

    private static Table table(Path p) throws java.io.IOException {
        Path csv = Files.isDirectory(p) ? p.resolve(SummaryTable.FILE_NAME) : p;
        if (!Files.isRegularFile(csv)) {
            throw new UsageException("no summary found at " + csv);
        }
        return SummaryTable.read(csv);
    }
}
