package org.sessionrnn.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.cli.Main;

/**
 * A search keeps others out of its folder the way a runner does, by registering as its one worker: a second
 * search (or a runner) on a folder in use is refused with one line and exit code 2, before anything is written.
 */
class TuneFolderInUseTest {
    @TempDir
    Path root;

    @Test
    void aSecondSearchOnAFolderInUseIsRefusedWithOneLine() throws Exception {
        PlantedTune tune = new PlantedTune(root);
        Duration stale = Duration.ofMinutes(5);
        try (Heartbeat beat = new Heartbeat(Duration.ofSeconds(30));
             Workers held = Workers.register(tune.dir(), WorkerId.create(), Shard.ALL, "other", false, stale, beat,
                     new PrintStream(new ByteArrayOutputStream()))) {
            PlantedTune.Result second = PlantedTune.run(tune.args());
            assertEquals(Main.INPUT_ERROR, second.code(), second.out() + second.err());
            String me = WorkerId.localHost() + ":" + ProcessHandle.current().pid();
            assertTrue(second.err().startsWith("error: experiment folder " + tune.dir() + " is in use by another "
                    + "runner (" + me + ", "), second.err());
            assertEquals(1, second.err().lines().count(), second.err());
            assertFalse(Files.exists(tune.dir().resolve("runs")), "the refused search wrote nothing");
            assertEquals(1, Workers.list(tune.dir()).size(), "the refused search left no registration");
        }
    }
}
