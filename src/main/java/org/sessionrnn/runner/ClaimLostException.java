package org.sessionrnn.runner;

/**
 * This worker no longer holds the run it is training: another worker took the claim over (this one went without
 * a heartbeat for longer than the staleness timeout, paused or starved, not dead) and now owns the run's folder.
 * Thrown before this worker would write or read the run's checkpoints again; the attempt ends unrecorded.
 */
final class ClaimLostException extends RuntimeException {
    ClaimLostException(String runId) {
        super("the claim on " + runId + " was taken over by another worker");
    }
}
