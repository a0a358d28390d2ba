package org.sessionrnn.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Set;
import org.sessionrnn.claims.ClaimException;
import org.sessionrnn.data.DataException;
import org.sessionrnn.export.ExportException;
import org.sessionrnn.runner.GridInterruptedException;
import org.sessionrnn.runner.ResultsFolderException;
import org.sessionrnn.spec.SpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code java -jar runner.jar SPEC.yaml [options]} runs an experiment; subcommands regenerate
 * reports, compare results and benchmark. Input errors print one line and exit 2; a {@code --debug} flag anywhere
 * adds the stack trace.
 */
@Command(name = "runner.jar", mixinStandardHelpOptions = true, version = "SessionRNN 0.1",
        description = "Reproduces 'Improved RNNs for Session-based Recommendations' from a YAML experiment spec.",
        subcommands = {RunCommand.class, TuneCommand.class, ReportCommand.class, StatusCommand.class,
                CompareCommand.class, BenchCommand.class, ExportCommand.class, RecommendCommand.class,
                ServeCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input: spec, data files, command line, or a results folder another runner holds. */
    public static final int INPUT_ERROR = 2;
    /** Exit code after Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;
    private static final Set<String> COMMANDS = Set.of("run", "tune", "report", "status", "compare", "bench",
            "export", "recommend", "serve", "help");

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "missing spec file: usage: java -jar runner.jar SPEC.yaml [--set key=value]... [--output DIR]");
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code, printing to the given streams. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage());
            err.println("Try 'java -jar runner.jar --help'.");
            return INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (debug) {
                e.printStackTrace(err);
            }
            return report(e, err);
        });
        return cli.execute(withDefaultCommand(args));
    }

    /** One line for the user; exit 2 for input errors, 130 after Ctrl-C, 1 for anything else. */
    static int report(Exception e, PrintStream err) {
        if (e instanceof SpecException || e instanceof DataException || e instanceof UsageException
                || e instanceof ResultsFolderException || e instanceof ExportException
                || e instanceof ClaimException) {
            err.println("error: " + e.getMessage());
            return INPUT_ERROR;
        }
        if (e instanceof GridInterruptedException) {
            err.println("interrupted: " + e.getMessage());
            return INTERRUPTED;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("error: " + message + " (" + e.getClass().getSimpleName() + "; --debug shows the stack trace)");
        return 1;
    }

    /** {@code runner.jar spec.yaml ...} means {@code runner.jar run spec.yaml ...}. */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || COMMANDS.contains(args[0])) {
            return args;
        }
        String[] withRun = new String[args.length + 1];
        withRun[0] = "run";
        System.arraycopy(args, 0, withRun, 1, args.length);
        return withRun;
    }
}
