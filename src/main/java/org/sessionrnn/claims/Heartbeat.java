package org.sessionrnn.claims;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that refreshes a worker's files (its worker file, the claims it holds) at a fixed interval,
 * so that other workers can tell a live holder from a dead one by the files' modification times.
 */
public final class Heartbeat implements AutoCloseable {
    private final List<Runnable> beats = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread;

    /** Starts beating every {@code interval}. */
    public Heartbeat(Duration interval) {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "claims-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(interval.toMillis(), 50);
        thread.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The interval for a staleness timeout: a quarter of it, from 1 to 30 seconds. */
    public static Duration intervalFor(Duration staleAfter) {
        long quarter = staleAfter.toMillis() / 4;
        return Duration.ofMillis(Math.max(1_000, Math.min(30_000, quarter)));
    }

    void add(Runnable beat) {
        beats.add(beat);
    }

    private void beat() {
        for (Runnable b : beats) {
            try {
                b.run();
            } catch (RuntimeException e) {
                // a failed refresh is retried at the next beat; a worker that cannot refresh at all goes stale
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
