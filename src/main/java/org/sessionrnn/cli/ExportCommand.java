package org.sessionrnn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sessionrnn.export.ExportException;
import org.sessionrnn.export.ExportSource;
import org.sessionrnn.export.ModelExporter;
import org.sessionrnn.export.RunExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code export RUN_DIR --to DIR}: a finished GRU run as a TensorFlow SavedModel for serving. */
@Command(name = "export",
        description = "Export a finished GRU run (M1-M4, m1plus, m1norm) as a TensorFlow SavedModel (DIR/<version>/, tag 'serve', "
                + "signature 'serving_default') with its item-id map, popular items and model.json.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run folder, e.g. results/fractions/runs/m1-gru100-f1-s1")
    Path runDir;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "Export folder (TF Serving's model base path)")
    Path to;

    @Option(names = "--version", defaultValue = "1", description = "Version folder number (default: ${DEFAULT-VALUE})")
    int version;

    @Option(names = "--top", defaultValue = "100",
            description = "Items returned per session by the signature; recommend/serve -k may ask for fewer (default: ${DEFAULT-VALUE})")
    int top;

    // no mixinStandardHelpOptions: its -V/--version would clash with the export's --version
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() throws Exception {
        if (version < 1) {
            throw new UsageException("--version must be a positive integer, got " + version);
        }
        if (top < 1) {
            throw new UsageException("--top must be a positive integer, got " + top);
        }
        ExportSource source = RunExport.of(runDir);
        if (top > source.items()) {
            throw new UsageException("--top " + top + " exceeds the catalogue of " + source.items() + " items");
        }
        Path written;
        try {
            written = new ModelExporter(top).export(source, to, version);
        } catch (IllegalArgumentException e) {
            throw new ExportException(e.getMessage());
        }
        main.out().printf("Exported %s (%s, GRU %d, %,d items, top %d) to %s%n", runDir.getFileName(), source.model(),
                source.gru(), source.items(), top, written);
        return 0;
    }
}
