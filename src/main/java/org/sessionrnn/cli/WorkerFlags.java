package org.sessionrnn.cli;

import java.time.Duration;
import java.util.Map;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.model.TfSessions;
import org.sessionrnn.runner.WorkerOptions;

/** Turns {@code run}'s worker flags and the scheduler's environment into {@link WorkerOptions}, or a usage error. */
final class WorkerFlags {
    private WorkerFlags() {
    }

    /** {@code --shard} wins over the scheduler's variables; neither means the whole grid. */
    static WorkerOptions options(String shardFlag, boolean steal, String staleMinutes, Map<String, String> env) {
        Shard shard;
        try {
            shard = shardFlag != null ? Shard.parse(shardFlag) : Shard.fromEnvironment(env).orElse(Shard.ALL);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (steal && shard.isAll()) {
            throw new UsageException("--steal needs a shard (--shard I/N or a scheduler's array index): an "
                    + "unsharded runner runs every run anyway");
        }
        return new WorkerOptions(shard, steal, staleAfter(staleMinutes));
    }

    private static Duration staleAfter(String minutes) {
        if (minutes == null) {
            return WorkerOptions.DEFAULT_STALE_AFTER;
        }
        double m;
        try {
            m = Double.parseDouble(minutes.trim());
        } catch (NumberFormatException e) {
            m = Double.NaN;
        }
        if (!(m > 0 && m <= 1e6)) {
            throw new UsageException("--stale-after " + minutes + ": expected minutes, a number above 0");
        }
        return Duration.ofMillis(Math.round(m * 60_000));
    }

    /** {@code --threads N} sets both TensorFlow thread pools before the first session opens. */
    static void applyThreads(String threads) {
        if (threads == null) {
            return;
        }
        int n;
        try {
            n = Integer.parseInt(threads.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 4096) {
            throw new UsageException("--threads " + threads + ": expected a whole number of threads from 1 to 4096");
        }
        System.setProperty(TfSessions.INTRA_OP, Integer.toString(n));
        System.setProperty(TfSessions.INTER_OP, Integer.toString(n));
    }
}
