package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.claims.Workers;
import org.sessionrnn.cli.Main;
import org.sessionrnn.spec.SpecLoader;
import org.sessionrnn.spec.SpecWriter;

/**
 * Bad shard flags, workers that do not fit the grid already on a folder, and a folder where claims cannot be
 * made: one {@code error:} line naming the problem, exit code 2, nothing written.
 */
class ShardBadInputTest {
    @TempDir
    Path root;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--shard 3/2          | error: --shard 3/2: index 3 is not in 0..1; shards are numbered from 0",
        "--shard 0/0          | error: --shard 0/0: index 0 is not in 0..-1 (the shard count must be at least 1)",
        "--shard x/3          | error: --shard x/3: index 'x' is not a whole number",
        "--shard -1/3         | error: --shard -1/3: index '-1' is negative",
        "--shard 1/-3         | error: --shard 1/-3: shard count '-3' is negative",
        "--shard 2            | error: --shard 2: expected I/N, e.g. --shard 0/3 (I from 0 to N-1)",
        "--steal              | error: --steal needs a shard",
        "--stale-after 0      | error: --stale-after 0: expected minutes, a number above 0",
        "--threads many       | error: --threads many: expected a whole number of threads from 1 to 4096",
    })
    void badWorkerFlagsAreOneLineExitTwoNothingWritten(String flags, String expected) throws Exception {
        TinyExperiment exp = new TinyExperiment(root, TinyExperiment.SPEC);
        TinyExperiment.Result r = exp.runInProcess(flags.trim().split(" "));
        assertEquals(Main.INPUT_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith(expected), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(exp.root.resolve("out")), "nothing written");
    }

    @Test
    void workersWithAnotherSpecOrAnotherShardCountAreRefused() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, TinyExperiment.SPEC);
        String hash = SpecWriter.specHash(SpecLoader.load(exp.specFile(), List.of(), root.resolve("out")));
        try (Heartbeat beat = new Heartbeat(Duration.ofSeconds(30));
             Workers first = Workers.register(exp.dir(), WorkerId.create(), new Shard(0, 3), hash, false,
                     Duration.ofMinutes(5), beat, new PrintStream(new ByteArrayOutputStream()))) {
            TinyExperiment.Result otherN = exp.runInProcess("--shard", "1/4");
            assertEquals(Main.INPUT_ERROR, otherN.code(), otherN.err());
            assertTrue(otherN.err().contains("split into 3 shards"), otherN.err());
            TinyExperiment.Result otherSpec = exp.runInProcess("--shard", "1/3", "--set", "seeds=[4]");
            assertEquals(Main.INPUT_ERROR, otherSpec.code(), otherSpec.err());
            assertTrue(otherSpec.err().contains("running a different spec"), otherSpec.err());
            assertEquals(1, otherSpec.err().lines().count(), otherSpec.err());
            assertFalse(Files.exists(exp.dir().resolve("runs")), "nothing written");
            assertEquals(1, Workers.list(exp.dir()).size(), "no registration left behind");
        }
    }

    @Test
    void aFolderWhereNoClaimCanBeMadeIsRefused() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, TinyExperiment.SPEC);
        Files.createDirectories(exp.dir());
        Files.writeString(exp.dir().resolve("claims"), "a file where the claims folder belongs");
        TinyExperiment.Result r = exp.runInProcess("--shard", "0/2");
        assertEquals(Main.INPUT_ERROR, r.code(), r.err());
        assertTrue(r.err().startsWith("error: cannot make claims atomically in " + exp.dir().resolve("claims")),
                r.err());
        try (var entries = Files.list(exp.dir())) {
            assertEquals(1, entries.count(), "nothing written");
        }
    }
}
