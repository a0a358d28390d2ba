package org.sessionrnn.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sessionrnn.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report DIR}: regenerates summary.csv, Figure 4 and Tables 1 and 2 from an experiment folder alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate summary.csv, figure4.png/svg, table1 and table2 from an experiment's results folder.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "An experiment folder, e.g. results/fractions")
    Path dir;

    @Option(names = "--debug", description = "Show stack traces of errors")
    boolean debug;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir.resolve("runs"))) {
            throw new UsageException(dir + " is not an experiment results folder (it has no runs/ folder)");
        }
        List<Path> written = ReportWriter.writeAll(dir);
        written.forEach(p -> System.out.println("wrote " + p));
        return 0;
    }
}
