package org.sessionrnn.runner;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An M2 run with no M1 at fraction 1 in the grid pre-trains its M1 itself (checkpointed in the cache folder),
 * and the finished cache entry holds the best weights and its description only.
 */
@Tag("slow")
class PretrainedCacheTest {
    private static final String SPEC = """
            name: tiny
            seeds: [3]
            data:
              source: synthetic
              synthetic: {clicks: 6000, items: 100, clusters: 5}
            protocol:
              fractions: [1/4]
            variants:
              - model: m2
                gru_sizes: [8]
                max_epochs: 2
                patience: 2
            """;

    @TempDir
    Path root;

    @Test
    void preTrainingLeavesOnlyTheBestWeightsAndTheirDescription() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, SPEC);
        TinyExperiment.Result r = exp.runInProcess();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("pre-training M1 on the full training set"), r.out());
        Path cache = exp.dir().resolve("pretrained");
        List<Path> entries;
        try (Stream<Path> s = Files.list(cache)) {
            entries = s.toList();
        }
        assertEquals(1, entries.size(), entries.toString());
        List<String> files;
        try (Stream<Path> s = Files.list(entries.get(0))) {
            files = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(files.contains(PretrainedModels.INFO_FILE), files.toString());
        assertTrue(files.stream().allMatch(f -> f.equals(PretrainedModels.INFO_FILE) || f.startsWith("best.")),
                files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("best.data")), files.toString());
    }
}
