package org.sessionrnn.runner;

import java.time.Duration;
import org.sessionrnn.claims.Shard;

/**
 * How a runner shares its results folder with other workers.
 *
 * @param shard      the runs this worker owns; {@link Shard#ALL} for the whole grid in one process
 * @param steal      after its own runs, take runs of other shards that nobody has claimed
 * @param staleAfter how long a worker may go without a heartbeat before its claims are taken over
 */
public record WorkerOptions(Shard shard, boolean steal, Duration staleAfter) {
    /** Default staleness timeout: long enough for a slow shared file system, short enough to lose little time. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMinutes(5);

    /** The whole grid in one process. */
    public static final WorkerOptions SINGLE = new WorkerOptions(Shard.ALL, false, DEFAULT_STALE_AFTER);
}
