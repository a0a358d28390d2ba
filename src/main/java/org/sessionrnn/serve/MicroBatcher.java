package org.sessionrnn.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Batches requests from concurrent clients into one model call: one worker thread takes the first waiting
 * request, then keeps collecting for at most {@code maxWait} or until {@code maxRows} sessions are waiting, and
 * answers all of them from one {@link Recommender} call (at the largest {@code k} asked, cut per request). A
 * lone request therefore waits at most {@code maxWait} more than its own computation; under load the model sees
 * large batches, which is where its throughput is. The queue is bounded: when it is full a request is refused
 * at once ({@link #submit} returns null), the server's 503.
 */
public final class MicroBatcher implements AutoCloseable {
    private record Pending(List<SessionInput> sessions, int k, CompletableFuture<List<Recommendation>> result) {
    }

    private final Recommender recommender;
    private final int maxRows;
    private final long maxWaitNanos;
    private final BlockingQueue<Pending> queue;
    private final Thread worker;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param maxRows   sessions per model call (a single larger request is still answered, in one call)
     * @param maxWaitMs how long the first request of a batch waits for company
     * @param queued    requests that may wait; more are refused
     */
    public MicroBatcher(Recommender recommender, int maxRows, double maxWaitMs, int queued) {
        this.recommender = recommender;
        this.maxRows = maxRows;
        this.maxWaitNanos = (long) (maxWaitMs * 1e6);
        this.queue = new ArrayBlockingQueue<>(queued);
        this.worker = new Thread(this::loop, "micro-batcher");
        worker.setDaemon(true);
        worker.start();
    }

    /** Queues a request; null when the queue is full or the batcher is closed. */
    public CompletableFuture<List<Recommendation>> submit(List<SessionInput> sessions, int k) {
        if (closed) {
            return null;
        }
        Pending p = new Pending(sessions, k, new CompletableFuture<>());
        return queue.offer(p) ? p.result() : null;
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                collect(batch, first.sessions().size());
                run(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        for (Pending p; (p = queue.poll()) != null; ) {
            p.result().completeExceptionally(new IllegalStateException("server shutting down"));
        }
    }

    private void collect(List<Pending> batch, int size) throws InterruptedException {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (size < maxRows) {
            Pending next = queue.peek();
            if (next != null && size + next.sessions().size() > maxRows) {
                return;
            }
            long left = deadline - System.nanoTime();
            next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
            if (next == null) {
                return;
            }
            batch.add(next);
            size += next.sessions().size();
        }
    }

    private void run(List<Pending> batch) {
        List<SessionInput> all = new ArrayList<>();
        int k = 1;
        for (Pending p : batch) {
            all.addAll(p.sessions());
            k = Math.max(k, p.k());
        }
        try {
            List<Recommendation> recs = recommender.recommend(all, k);
            batches.incrementAndGet();
            rows.addAndGet(all.size());
            int at = 0;
            for (Pending p : batch) {
                List<Recommendation> mine = new ArrayList<>(p.sessions().size());
                for (int i = 0; i < p.sessions().size(); i++) {
                    mine.add(cut(recs.get(at++), p.k()));
                }
                p.result().complete(mine);
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    private static Recommendation cut(Recommendation r, int k) {
        if (r.items().length <= k) {
            return r;
        }
        return new Recommendation(java.util.Arrays.copyOf(r.items(), k), java.util.Arrays.copyOf(r.scores(), k),
                r.skipped(), r.popular());
    }

    /** Model calls so far. */
    public long batches() {
        return batches.get();
    }

    /** Sessions answered so far. */
    public long rows() {
        return rows.get();
    }

    /** Stops taking requests, answers those queued, and stops the worker. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
