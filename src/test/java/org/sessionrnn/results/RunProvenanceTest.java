package org.sessionrnn.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunProvenanceTest {
    private static final Path OLD_RESULTS = Path.of("src/test/resources/results-written-by-v0.1/legacy/runs");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Every run.json an older version wrote reads into typed parts and writes back the same provenance object. */
    @Test
    void runJsonOfAnOlderVersionReadsTypedAndWritesBackUnchanged() throws IOException {
        List<Path> files;
        try (Stream<Path> runs = Files.list(OLD_RESULTS)) {
            files = runs.map(r -> r.resolve(RunRecordIo.FILE_NAME)).filter(Files::isRegularFile).toList();
        }
        assertTrue(files.size() >= 5, "fixture runs: " + files);
        for (Path file : files) {
            JsonNode before = JSON.readTree(file.toFile());
            RunRecord record = RunRecordIo.read(file);
            RunProvenance p = record.provenance();
            assertEquals(before.at("/provenance/config_hash").asText(), p.configHash(), file.toString());
            assertEquals(before.at("/provenance/data_hash").asText(), p.data().hash());
            assertEquals(before.at("/provenance/git_commit").asText(), p.environment().gitCommit());
            assertEquals(before.at("/provenance/started_at").asText(), p.startedAt());

            Path copy = dir.resolve(file.getParent().getFileName() + ".json");
            RunRecordIo.write(copy, record);
            assertEquals(before.get("provenance"), JSON.readTree(copy.toFile()).get("provenance"), file.toString());
            assertEquals(record, RunRecordIo.read(copy));
        }
    }

    @Test
    void knownKeysGoToTheirPartsAndOtherKeysStayFactsInOrder() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("resumed_after_epoch", "2");
        map.put("worker", "host:12");
        map.put("config_hash", "abc");
        map.put("pretrained_checkpoint", "/x/best");
        map.put("shard", "1/3");
        RunProvenance p = RunProvenance.fromMap(map);

        assertEquals(new RunProvenance.Worker("host:12", "1/3", null, null), p.worker());
        assertEquals("abc", p.configHash());
        assertNull(p.environment());
        assertNull(p.data());
        assertEquals(List.of("resumed_after_epoch", "pretrained_checkpoint"), List.copyOf(p.facts().keySet()));
        assertEquals(map, p.asMap());
        assertEquals("/x/best", p.get("pretrained_checkpoint"));
    }

    @Test
    void aRunsProvenanceIsBuiltUpStageByStage() {
        RunProvenance p = RunProvenance.EMPTY
                .withExperiment("spec1", new RunProvenance.Data("synthetic", "d1"),
                        new RunProvenance.Worker("host:1", "all", "2 threads", null))
                .takenOverFrom("host:9 (shard 1/2)")
                .configured("c1").started("t0").withFacts(Map.of("failed_epoch", "3")).finished("t1");

        assertEquals(Map.ofEntries(Map.entry("spec_hash", "spec1"), Map.entry("data_name", "synthetic"),
                Map.entry("data_hash", "d1"), Map.entry("worker", "host:1"), Map.entry("shard", "all"),
                Map.entry("tf_threads", "2 threads"), Map.entry("taken_over_from", "host:9 (shard 1/2)"),
                Map.entry("config_hash", "c1"), Map.entry("started_at", "t0"), Map.entry("finished_at", "t1"),
                Map.entry("failed_epoch", "3")), p.asMap());
        assertEquals(p, RunProvenance.fromMap(p.asMap()));
    }
}
