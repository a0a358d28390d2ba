package org.sessionrnn.train;

/**
 * A process-wide request to stop training at the next batch boundary, set by the runner's Ctrl-C (SIGINT)
 * handler. It is global on purpose: a signal concerns the whole process, and every {@link Trainer}, whichever
 * executor built it, must honour it without extra wiring.
 */
public final class StopRequest {
    private static volatile boolean requested;

    private StopRequest() {
    }

    /** Asks every running trainer to stop after its current batch. */
    public static void request() {
        requested = true;
    }

    public static boolean isRequested() {
        return requested;
    }

    /** Forgets a request (a new grid in the same process starts afresh). */
    public static void clear() {
        requested = false;
    }
}
