package org.sessionrnn.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Claims: one winner per name under contention, stale claims taken over, heartbeats, waiting. */
class ClaimBoardTest {
    private static final Duration STALE = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private final Heartbeat heartbeat = new Heartbeat(Duration.ofMillis(100));
    private final List<ClaimBoard> boards = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        heartbeat.close();
        for (ClaimBoard b : boards) {
            b.close();
        }
    }

    private ClaimBoard board(Duration staleAfter) throws Exception {
        ClaimBoard b = new ClaimBoard(dir, WorkerId.create(), new Shard(0, 2), staleAfter, heartbeat);
        boards.add(b);
        return b;
    }

    @Test
    void eightWorkersRacingForFortyNamesGetEachNameExactlyOnce() throws Exception {
        List<ClaimBoard> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(board(STALE));
        }
        Map<String, AtomicInteger> winners = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (ClaimBoard b : racers) {
            done.add(pool.submit(() -> {
                go.await();
                for (int n = 0; n < 40; n++) {
                    if (b.tryClaim("run-" + n).acquired()) {
                        winners.computeIfAbsent("run-" + n, k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(40, winners.size());
        winners.forEach((name, count) -> assertEquals(1, count.get(), name));
    }

    @Test
    void aLiveHoldersClaimIsRefusedNamingIt() throws Exception {
        ClaimBoard a = board(STALE);
        ClaimBoard b = board(STALE);
        assertTrue(a.tryClaim("r").acquired());
        ClaimBoard.Attempt second = b.tryClaim("r");
        assertFalse(second.acquired());
        assertEquals(ProcessHandle.current().pid(), second.other().holder().pid());
        assertEquals("0/2", second.other().shard());
        b.release("r");
        assertTrue(Files.exists(dir.resolve("claims/r.claim")), "only the holder releases");
        a.release("r");
        assertTrue(b.tryClaim("r").acquired());
    }

    @Test
    void theClaimOfADeadProcessIsTakenOverAtOnce() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        writeClaim("r", WorkerId.localHost(), dead.pid(), Instant.now());
        ClaimBoard.Attempt a = board(STALE).tryClaim("r");
        assertTrue(a.acquired());
        assertEquals(dead.pid(), a.other().holder().pid(), "the stale claim taken over is reported");
    }

    @Test
    void aSilentHolderOnAnotherHostIsTakenOverAfterTheTimeoutOnly() throws Exception {
        Path file = writeClaim("r", "elsewhere", 1, Instant.now().minusSeconds(50));
        ClaimBoard b = board(Duration.ofMinutes(1));
        assertFalse(b.tryClaim("r").acquired(), "50 s silent of 60 allowed");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(70)));
        ClaimBoard.Attempt a = b.tryClaim("r");
        assertTrue(a.acquired());
        assertEquals("elsewhere", a.other().holder().host());
    }

    @Test
    void theHeartbeatKeepsAClaimFreshAndTheLoserNoticesATakeOver() throws Exception {
        ClaimBoard holder = board(Duration.ofSeconds(2));
        assertTrue(holder.tryClaim("r").acquired());
        Path file = dir.resolve("claims/r.claim");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        assertTrue(within(Duration.ofSeconds(10),
                () -> Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minusSeconds(5))), "refreshed");

        ClaimBoard taker = new ClaimBoard(dir, WorkerId.create(), new Shard(1, 2), Duration.ofSeconds(2),
                new Heartbeat(Duration.ofHours(1)));
        boards.add(taker);
        // the holder "froze": its claim looks 60 s old. Its heartbeat still runs every 100 ms and may refresh the
        // file between the two lines, which is a live holder winning, so the taker tries again
        assertTrue(within(Duration.ofSeconds(10), () -> {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
            return taker.tryClaim("r").acquired();
        }), "a claim silent for 60 s of 2 allowed is taken over");
        assertTrue(within(Duration.ofSeconds(10), () -> holder.isLost("r")),
                "the frozen holder learns at its next heartbeat");
        assertEquals("1/2", taker.current("r").orElseThrow().shard(), "and does not refresh the taker's claim away");
    }

    /** Polls {@code condition} until it holds or {@code limit} has passed; timing on a loaded machine varies. */
    private static boolean within(Duration limit, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void waitingEndsWhenTheWorkIsDoneOrTheHolderLetsGo() throws Exception {
        ClaimBoard holder = board(STALE);
        ClaimBoard waiter = board(STALE);
        assertTrue(holder.tryClaim("r").acquired());
        List<String> told = new ArrayList<>();
        assertEquals(Optional.empty(), waiter.claimOrWait("r", () -> !told.isEmpty(), () -> false,
                c -> told.add(c.describe()), Duration.ofMillis(10)), "done while waiting: nothing claimed");
        assertTrue(told.get(0).startsWith(WorkerId.localHost() + ":"), told.toString());

        Thread release = new Thread(() -> {
            try {
                Thread.sleep(200);
                holder.release("r");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        Optional<ClaimBoard.Attempt> got = waiter.claimOrWait("r", () -> false, () -> false, c -> { },
                Duration.ofMillis(10));
        release.join();
        assertTrue(got.orElseThrow().acquired());
        assertNull(got.get().other(), "released, not taken over");
    }

    @Test
    void aClaimsPathThatIsNotAFolderCannotHoldClaims() throws Exception {
        Files.writeString(dir.resolve("claims"), "x");
        ClaimException e = assertThrows(ClaimException.class,
                () -> ClaimBoard.checkAtomic(dir.resolve("claims"), WorkerId.create()));
        assertTrue(e.getMessage().startsWith("cannot make claims atomically in "), e.getMessage());
    }

    private Path writeClaim(String name, String host, long pid, Instant beat) throws Exception {
        Path file = dir.resolve("claims").resolve(name + ".claim");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "name=" + name + "\nworker=feed\nhost=" + host + "\npid=" + pid
                + "\nstarted=2020-01-01T00:00:00Z\nshard=1/2\nclaimed_at=" + beat + "\n");
        Files.setLastModifiedTime(file, FileTime.from(beat));
        return file;
    }

    /**
     * An ensemble waits for an unclaimed member only while a live worker may still run it: the member's shard's
     * worker, or one that steals; never its own board, and never a stopped worker.
     */
    @Test
    void aLiveWorkerOfTheRunsShardOrAStealerMayStillRunIt() throws Exception {
        List<String> ids = List.of("c", "a", "b"); // sorted a, b, c: shard 0/2 owns a and c, shard 1/2 owns b
        ClaimBoard me = board(STALE);
        assertTrue(Workers.mayRun(dir, "b", ids, me.me(), STALE).isEmpty(), "nobody registered");
        Heartbeat otherBeat = new Heartbeat(Duration.ofMillis(100));
        Workers other = Workers.register(dir, WorkerId.create(), new Shard(1, 2), "spec", false, STALE, otherBeat,
                System.out);
        assertTrue(Workers.mayRun(dir, "b", ids, me.me(), STALE).isPresent(), "shard 1/2 owns b");
        assertTrue(Workers.mayRun(dir, "c", ids, me.me(), STALE).isEmpty(), "c is shard 0's, and shard 1's worker does not steal");
        otherBeat.close();
        for (Workers.Worker w : Workers.list(dir)) {
            Files.setLastModifiedTime(w.file(), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        }
        assertTrue(Workers.mayRun(dir, "b", ids, me.me(), STALE).isEmpty(), "a stopped worker runs nothing");
        Workers stealer = Workers.register(dir, WorkerId.create(), new Shard(1, 2), "spec", true, STALE, heartbeat,
                System.out);
        assertTrue(Workers.mayRun(dir, "c", ids, me.me(), STALE).isPresent(), "a stealer may take shard 0's unclaimed run");
        stealer.close();
        other.close();
    }
}
