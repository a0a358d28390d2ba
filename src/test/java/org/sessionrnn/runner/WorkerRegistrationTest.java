package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.claims.ClaimException;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.cli.Main;

/**
 * Who may work on an experiment folder at once: an unsharded runner has it to itself (a second one is refused,
 * naming the first), shards of one grid share it, workers of another spec or another shard count are refused, and
 * the registration of a dead worker is removed with a message. These are the one-runner-per-folder lock's promises,
 * kept for the unsharded runner, now made by worker registrations.
 */
class WorkerRegistrationTest {
    private static final Duration STALE = Duration.ofMinutes(5);

    @TempDir
    Path root;

    private final Heartbeat heartbeat = new Heartbeat(Duration.ofSeconds(30));

    @AfterEach
    void stopHeartbeat() {
        heartbeat.close();
    }

    private Workers register(Path dir, Shard shard, String specHash) {
        return Workers.register(dir, WorkerId.create(), shard, specHash, false, STALE, heartbeat,
                new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void secondRunnerIsRefusedNamingTheHolderAndItsFile() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, TinyExperiment.SPEC);
        try (Workers held = register(exp.dir(), Shard.ALL, "any")) {
            TinyExperiment.Result second = exp.runInProcess();
            assertEquals(Main.INPUT_ERROR, second.code());
            String me = WorkerId.localHost() + ":" + ProcessHandle.current().pid();
            assertTrue(second.err().startsWith("error: experiment folder " + exp.dir() + " is in use by another "
                    + "runner (" + me + ", the whole grid, since "), second.err());
            assertTrue(second.err().contains("worker file " + exp.dir().resolve(Workers.FOLDER)), second.err());
            assertEquals(1, second.err().lines().count(), second.err());
            assertFalse(Files.exists(exp.dir().resolve("runs")), "the refused runner wrote nothing");
            assertEquals(1, Workers.list(exp.dir()).size(), "the refused runner left no registration");
        }
    }

    @Test
    void aLiveWorkerOnThisHostIsRefusedFromItsFileAlone() throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        Path dir = root.resolve("exp");
        writeWorkerFile(dir, WorkerId.localHost(), parent.pid(), parent.info().startInstant().orElseThrow().toString(),
                "0/1", Instant.now());
        ClaimException e = assertThrows(ClaimException.class, () -> register(dir, Shard.ALL, "h"));
        assertTrue(e.getMessage().contains(WorkerId.localHost() + ":" + parent.pid()), e.getMessage());
    }

    @Test
    void theRegistrationOfADeadProcessIsRemovedWithAMessage() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path dir = root.resolve("exp");
        Path stale = writeWorkerFile(dir, WorkerId.localHost(), dead.pid(), "2020-01-01T00:00:00Z", "0/1",
                Instant.now());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workers w = Workers.register(dir, WorkerId.create(), Shard.ALL, "h", false, STALE, heartbeat,
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Removing the registration of a stopped "
                    + "worker (" + WorkerId.localHost() + ":" + dead.pid()), out.toString(StandardCharsets.UTF_8));
            assertFalse(Files.exists(stale));
        }
    }

    @Test
    void aWorkerOnAnotherHostCountsAsStoppedOnlyAfterTheTimeout() throws Exception {
        Path dir = root.resolve("exp");
        Path silent = writeWorkerFile(dir, "elsewhere", 1, "unknown", "0/1", Instant.now().minus(Duration.ofMinutes(4)));
        assertThrows(ClaimException.class, () -> register(dir, Shard.ALL, "h"), "4 minutes silent: still alive");
        Files.setLastModifiedTime(silent, FileTime.from(Instant.now().minus(Duration.ofMinutes(6))));
        register(dir, Shard.ALL, "h").close();
        assertFalse(Files.exists(silent), "6 minutes silent: stopped");
    }

    @Test
    void shardsOfOneGridShareTheFolderOthersAreRefused() throws Exception {
        Path dir = root.resolve("exp");
        try (Workers a = register(dir, new Shard(0, 3), "spec1"); Workers b = register(dir, new Shard(1, 3), "spec1")) {
            assertEquals(2, Workers.list(dir).size());
            assertTrue(message(dir, new Shard(2, 4), "spec1").contains("split into 3 shards"));
            assertTrue(message(dir, new Shard(2, 3), "spec2").contains("a different spec"));
            assertTrue(message(dir, Shard.ALL, "spec1").contains("is in use by another runner"));
            assertEquals(2, Workers.list(dir).size(), "refused workers left no registration");
        }
        try (Workers whole = register(dir, Shard.ALL, "spec1")) {
            assertTrue(message(dir, new Shard(0, 3), "spec1").contains("An unsharded runner has the folder"));
        }
    }

    private String message(Path dir, Shard shard, String specHash) {
        return assertThrows(ClaimException.class, () -> register(dir, shard, specHash)).getMessage();
    }

    @Test
    void aFolderCreatedOnlyForTheRegistrationIsRemovedOnClose() throws Exception {
        Path dir = root.resolve("fresh");
        register(dir, Shard.ALL, "h").close();
        assertFalse(Files.exists(dir));
    }

    @Test
    void aFolderWhereClaimsCannotBeMadeIsRefusedAndLeftAsItWas() throws Exception {
        Path dir = root.resolve("exp");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("claims"), "not a folder");
        ClaimException e = assertThrows(ClaimException.class, () -> register(dir, Shard.ALL, "h"));
        assertTrue(e.getMessage().startsWith("cannot make claims atomically in " + dir.resolve("claims")),
                e.getMessage());
        try (var entries = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("claims")), entries.toList(), "nothing written");
        }
    }

    private static Path writeWorkerFile(Path dir, String host, long pid, String started, String shard, Instant beat)
            throws Exception {
        Path file = dir.resolve(Workers.FOLDER).resolve(host + "-" + pid + "-abcd" + ".worker");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "worker=abcd\nhost=" + host + "\npid=" + pid + "\nstarted=" + started + "\nshard="
                + shard + "\nspec_hash=x\nsteal=false\nsince=" + beat + "\n");
        Files.setLastModifiedTime(file, FileTime.from(beat));
        return file;
    }
}
