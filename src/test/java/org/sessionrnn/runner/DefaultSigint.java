package org.sessionrnn.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts child processes with SIGINT at its default disposition, whatever this JVM inherited. A shell without
 * job control (a script's {@code cmd &}, {@code nohup mvn test &}, some CI agents) starts its background children
 * with SIGINT ignored; the JVM then installs no handler for it, so a runner started from such a test JVM would
 * never see the Ctrl-C a test sends. POSIX shells cannot undo an inherited ignore, so the child is started through
 * a launcher that resets the disposition and then execs the command (same pid): coreutils' {@code env
 * --default-signal=INT} (coreutils 8.31 or later), else Perl. Without either, a child that would inherit an
 * ignored SIGINT is refused with an error rather than started, so that the Ctrl-C tests fail, not pass untested.
 */
final class DefaultSigint {
    private static final List<List<String>> LAUNCHERS = List.of(
            List.of("env", "--default-signal=INT"),
            List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";"));
    private static Optional<List<String>> launcher;

    private DefaultSigint() {
    }

    /** {@code command} preceded by the launcher that restores SIGINT's default, when one is needed. */
    static synchronized List<String> command(List<String> command) {
        if (launcher == null) {
            launcher = LAUNCHERS.stream().filter(DefaultSigint::works).findFirst();
        }
        if (launcher.isPresent()) {
            return concat(launcher.get(), command);
        }
        if (isIgnored(ProcessHandle.current().pid()).orElse(true)) {
            throw new IllegalStateException("this JVM inherited SIGINT ignored (started from a background shell?) "
                    + "and neither 'env --default-signal=INT' (coreutils >= 8.31) nor perl is available to start "
                    + "a runner that Ctrl-C can reach");
        }
        return command;
    }

    /**
     * Whether process {@code pid} ignores SIGINT, from bit 2 of {@code SigIgn} in {@code /proc/PID/status}; empty
     * where there is no such file (not Linux).
     */
    static Optional<Boolean> isIgnored(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("SigIgn:")) {
                    return Optional.of((Long.parseUnsignedLong(line.substring(7).strip(), 16) & 2L) != 0);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code launcher} starts {@code true} with SIGINT at its default. */
    private static boolean works(List<String> launcher) {
        try {
            Process p = new ProcessBuilder(concat(launcher, List.of("sh", "-c", "kill -INT $$; exit 3")))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // a shell at SIGINT's default dies of its own signal (status 130 seen from Java); ignored, it exits 3
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 130;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
