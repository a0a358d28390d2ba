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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.cli.Main;

/**
 * The lock a hyperparameter search ({@code tune}) holds on its folder: a live holder is refused, a lock left by a
 * dead one is taken over. (The runner itself registers as a worker instead: {@link WorkerRegistrationTest}.)
 */
class ExperimentLockTest {
    @TempDir
    Path root;

    @Test
    void aLiveHolderNamedInTheFileIsRefusedEvenWithoutAnOsLock() throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        Path dir = root.resolve("exp");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".lock"), "pid=" + parent.pid() + "\nstarted="
                + parent.info().startInstant().orElseThrow() + "\n");
        ResultsFolderException e = assertThrows(ResultsFolderException.class,
                () -> ExperimentLock.acquire(dir, new PrintStream(new ByteArrayOutputStream())));
        assertTrue(e.getMessage().contains("pid " + parent.pid()), e.getMessage());
    }

    @Test
    void staleLockOfADeadProcessIsTakenOverWithAMessage() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Path dir = root.resolve("exp");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(".lock"), "pid=" + dead.pid() + "\nstarted=2020-01-01T00:00:00Z\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExperimentLock lock = ExperimentLock.acquire(dir, new PrintStream(out, true, StandardCharsets.UTF_8))) {
            assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Taking over a stale lock: "
                    + dir.resolve(".lock") + " was held by pid " + dead.pid()), out.toString(StandardCharsets.UTF_8));
            assertTrue(Files.readString(dir.resolve(".lock")).contains("pid=" + ProcessHandle.current().pid()));
        }
        assertEquals("", Files.readString(dir.resolve(".lock")), "released: emptied, not deleted");
    }

    @Test
    void aFolderCreatedOnlyForTheLockIsRemovedOnRelease() throws Exception {
        Path dir = root.resolve("fresh");
        ExperimentLock.acquire(dir, new PrintStream(new ByteArrayOutputStream())).close();
        assertFalse(Files.exists(dir));
    }
}
