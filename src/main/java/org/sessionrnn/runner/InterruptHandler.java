package org.sessionrnn.runner;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.sessionrnn.train.StopRequest;

/**
 * Turns Ctrl-C (SIGINT, also SIGTERM) into a {@link StopRequest} while a grid runs. The JVM runs shutdown hooks
 * and halts when they return, so the hook waits (at most {@link #GRACE_SECONDS}) until the runner has stopped
 * at a batch boundary, saved an in-epoch checkpoint there, recorded the summary and released the lock; the
 * interrupted run keeps status {@code running} and resumes at that batch on the next run of the spec.
 */
public final class InterruptHandler implements AutoCloseable {
    /** Longest wait for the runner to stop cleanly before the JVM halts anyway. */
    static final long GRACE_SECONDS = 60;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean armed;
    private final Thread hook = new Thread(this::onSignal, "sessionrnn-ctrl-c");

    private InterruptHandler() {
    }

    /** Clears any earlier stop request and installs the handler until {@link #close}. */
    public static InterruptHandler install() {
        StopRequest.clear();
        InterruptHandler handler = new InterruptHandler();
        Runtime.getRuntime().addShutdownHook(handler.hook);
        return handler;
    }

    /**
     * From now on a signal waits for the runner to stop cleanly. Before (data loading, preflight) there is
     * nothing to save, so the JVM exits at once rather than after the grace period.
     */
    public void arm() {
        armed = true;
    }

    private void onSignal() {
        StopRequest.request();
        if (!armed) {
            return;
        }
        try {
            stopped.await(GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a waiting hook go and, outside shutdown, removes it. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }
}
