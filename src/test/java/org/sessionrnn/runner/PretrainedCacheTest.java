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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.sessionrnn.results.EpochRecord;
import org.sessionrnn.results.RunRecord;

/**
 * An M2 run with no M1 at fraction 1 in the grid pre-trains its M1 itself (checkpointed in the cache folder),
 * counts that pre-training in its training time, and the finished cache entry holds the best weights and its
 * description only. An M2 run that reuses the M1 of the grid's own M1 run counts none of it: that run did.
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

        RunRecord m2 = exp.record("m2-gru8-f1_4-s3");
        double pretrain = Double.parseDouble(m2.provenance().get("pretrain_seconds"));
        JsonNode info = new ObjectMapper().readTree(entries.get(0).resolve(PretrainedModels.INFO_FILE).toFile());
        assertEquals(info.get("train_seconds").asDouble(), pretrain, 0);
        double ownEpochs = m2.history().stream().mapToDouble(EpochRecord::seconds).sum();
        assertTrue(pretrain > 0 && m2.trainSeconds() >= pretrain + 0.9 * ownEpochs,
                "train_seconds " + m2.trainSeconds() + ", pre-training " + pretrain + ", own epochs " + ownEpochs);
    }

    @Test
    void reusingTheGridsOwnM1CountsNoPreTraining() throws Exception {
        TinyExperiment exp = new TinyExperiment(root, SPEC.replace("fractions: [1/4]", "fractions: [1/4, 1]")
                .replace("variants:\n", "variants:\n  - {model: m1, gru_sizes: [8], max_epochs: 2, patience: 2}\n"));
        TinyExperiment.Result r = exp.runInProcess();
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("reusing pre-trained M1") && !r.out().contains("pre-training M1"), r.out());
        RunRecord m2 = exp.record("m2-gru8-f1_4-s3");
        assertEquals(0.0, Double.parseDouble(m2.provenance().get("pretrain_seconds")), 0);
        double ownEpochs = m2.history().stream().mapToDouble(EpochRecord::seconds).sum();
        assertTrue(m2.trainSeconds() < ownEpochs + exp.record("m1-gru8-f1-s3").trainSeconds(),
                "train_seconds " + m2.trainSeconds() + ", own epochs " + ownEpochs);
    }
}
