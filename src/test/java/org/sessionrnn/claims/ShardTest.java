package org.sessionrnn.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Parsing I/N and the scheduler variables, and the assignment of runs to shards. */
class ShardTest {
    private static final List<String> IDS = IntStream.range(0, 12).mapToObj(i -> "run-" + (char) ('a' + i)).toList();

    @Test
    void everyRunBelongsToExactlyOneShardWhateverTheOrderOfTheGrid() {
        List<String> shuffled = new ArrayList<>(IDS);
        Collections.shuffle(shuffled, new java.util.Random(7));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Shard shard = new Shard(i, 3);
            List<String> mine = shard.select(IDS);
            assertEquals(4, mine.size());
            assertEquals(Set.copyOf(mine), Set.copyOf(shard.select(shuffled)), "order of the grid does not matter");
            mine.forEach(id -> assertTrue(seen.add(id), id + " in two shards"));
            mine.forEach(id -> assertTrue(shard.owns(id, shuffled)));
        }
        assertEquals(Set.copyOf(IDS), seen);
        assertEquals(List.of("run-a", "run-d", "run-g", "run-j"), new Shard(0, 3).select(IDS), "round robin");
        assertEquals(IDS, Shard.ALL.select(IDS));
    }

    @Test
    void parsesIOverN() {
        assertEquals(new Shard(2, 3), Shard.parse("2/3"));
        assertEquals(new Shard(0, 1), Shard.parse(" 0/1 "));
    }

    @Test
    void badShardsAreOneClearMessage() {
        assertMessage("3/2", "--shard 3/2: index 3 is not in 0..1");
        assertMessage("2/2", "--shard 2/2: index 2 is not in 0..1");
        assertMessage("0/0", "the shard count must be at least 1");
        assertMessage("a/2", "--shard a/2: index 'a' is not a whole number");
        assertMessage("-1/2", "--shard -1/2: index '-1' is negative");
        assertMessage("1/-2", "--shard 1/-2: shard count '-2' is negative");
        assertMessage("1", "--shard 1: expected I/N");
        assertMessage("1/2/3", "expected I/N");
    }

    private static void assertMessage(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void slurmArrayTasksAreCountedFromTheArraysMinimum() {
        assertEquals(Optional.of(new Shard(1, 3)), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "2",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "3")));
        assertEquals(Optional.of(new Shard(0, 4)), Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "0",
                "SLURM_ARRAY_TASK_COUNT", "4")));
        assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(Map.of("SLURM_ARRAY_TASK_ID", "7",
                "SLURM_ARRAY_TASK_MIN", "0", "SLURM_ARRAY_TASK_COUNT", "3")), "a sparse array such as 0,7");
    }

    @Test
    void kubernetesIndexNeedsTheCountFromTheManifest() {
        assertEquals(Optional.of(new Shard(2, 3)), Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "2",
                Shard.K8S_COUNT, "3")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "2")));
        assertTrue(e.getMessage().contains(Shard.K8S_COUNT), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Shard.fromEnvironment(Map.of("JOB_COMPLETION_INDEX", "x",
                Shard.K8S_COUNT, "3")));
        assertEquals(Optional.empty(), Shard.fromEnvironment(Map.of("PATH", "/bin")));
    }
}
