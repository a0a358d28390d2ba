package org.sessionrnn.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Set;
import org.sessionrnn.runner.GridInterruptedException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Entry point: {@code java -jar runner.jar SPEC.yaml [options]} runs an experiment; subcommands regenerate
 * reports, compare results and benchmark. Every problem reaches the user through {@link #report}: input errors
 * print one line and exit 2, anything else one line with its type and exit 1; a {@code --debug} flag anywhere
 * adds the stack trace, which is never printed without it.
 */
@Command(name = "runner.jar", mixinStandardHelpOptions = true, version = "SessionRNN 0.1",
        description = "Reproduces 'Improved RNNs for Session-based Recommendations' from a YAML experiment spec.",
        subcommands = {RunCommand.class, TuneCommand.class, ReportCommand.class, StatusCommand.class,
                CompareCommand.class, BenchCommand.class, ExportCommand.class, RecommendCommand.class,
                ServeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:some run failed, or an unexpected error (one line; --debug shows the stack "
                + "trace)", "2:bad input (spec, data, flags, results files) or a results folder in use: one "
                + "error line naming it, nothing written", "130:stopped with Ctrl-C (rerun to resume)",
                "compare:0 no regression, 1 regression, 2 bad input (see 'compare --help')"})
public final class Main implements Runnable {
    /** Exit code for bad input: spec, data files, command line, or a results folder another runner holds. */
    public static final int INPUT_ERROR = 2;
    /** Exit code after Ctrl-C (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;
    private static final Set<String> COMMANDS = Set.of("run", "tune", "report", "status", "compare", "bench",
            "export", "recommend", "serve", "help");

    @Mixin
    DebugOption debug;

    private final PrintStream out;
    private final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Where a command prints its results and progress: the stream {@link #execute} was given. */
    PrintStream out() {
        return out;
    }

    /** Where a command prints its warnings and summary errors: the stream {@link #execute} was given. */
    PrintStream err() {
        return err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "missing spec file: usage: java -jar runner.jar SPEC.yaml [--set key=value]... [--output DIR]");
    }

    public static void main(String[] args) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        // a problem in a background thread (heartbeat, server) is one line too, never a stack trace
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> report(e, System.err, debug));
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code, printing to the given streams. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        CommandLine cli = new CommandLine(new Main(out, err));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setParameterExceptionHandler((e, a) -> {
            if (debug) {
                e.printStackTrace(err);
            }
            err.println("error: " + Messages.safe(e.getMessage()));
            err.println("Try 'java -jar runner.jar " + helpOf(e.getCommandLine()) + "--help'.");
            return INPUT_ERROR;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, err, debug));
        try {
            checkCommand(args);
            return cli.execute(withDefaultCommand(args));
        } catch (Throwable e) {
            // Errors (OutOfMemoryError, StackOverflowError) pass picocli's handlers: still one line, never a trace
            return report(e, err, debug);
        }
    }

    private static String helpOf(CommandLine command) {
        return command == null || command.getParent() == null ? "" : command.getCommandName() + " ";
    }

    /**
     * The one place that turns a problem into what the user sees: one {@code error:} line (control characters
     * escaped, long values cut) and exit 2 for input errors, 130 after Ctrl-C, 1 with its type and a hint for
     * anything else. The stack trace only with {@code --debug}.
     */
    static int report(Throwable e, PrintStream err, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
        if (InputErrors.isInputError(e)) {
            err.println("error: " + Messages.safe(InputErrors.message(e)));
            return INPUT_ERROR;
        }
        if (e instanceof GridInterruptedException) {
            err.println("interrupted: " + Messages.safe(e.getMessage()));
            return INTERRUPTED;
        }
        if (e instanceof OutOfMemoryError) {
            err.println("error: out of memory (" + Messages.safe(e.getMessage()) + "); give Java more with -Xmx "
                    + "(e.g. java -Xmx8g -jar runner.jar ...) or lower the sizes in the spec");
            return 1;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        err.println("error: " + Messages.safe(message) + " (" + e.getClass().getSimpleName()
                + "; --debug shows the stack trace)");
        return 1;
    }

    /** Library messages (TensorFlow's, Tablesaw's) may run over many lines: the first says what happened. */
    private static String firstLine(String message) {
        return message.strip().lines().findFirst().orElse(message);
    }

    /**
     * A first word that is neither a command nor a file, and does not look like a spec's path, is a mistyped
     * command: said so here, before it is taken for {@code run}'s spec and its other arguments reported instead.
     */
    private static void checkCommand(String[] args) {
        if (args.length == 0 || args[0].startsWith("-") || COMMANDS.contains(args[0])) {
            return;
        }
        String word = args[0];
        if (!word.contains(".") && !word.contains("/") && !java.nio.file.Files.exists(java.nio.file.Path.of(word))) {
            throw new UsageException("unknown command or spec file '" + word + "' (commands: run, tune, report, status, compare, "
                    + "bench, export, recommend, serve; a spec file ends in .yaml)");
        }
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
