package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;

/**
 * A live worker whose claim was taken over (it went without a heartbeat past the staleness timeout: paused or
 * starved, not dead) leaves the run's folder to the new holder: it neither resumes from, writes nor deletes the
 * run's checkpoints, and records no result, even before its own heartbeat has noticed the loss.
 */
class TakenOverHolderTest {
    @TempDir
    Path root;

    @Test
    void aHolderTakenOverWritesNothingInTheRunsFolder() throws Exception {
        Files.writeString(root.resolve("spec.yaml"), TinyExperiment.spec(2_000, "[1]", """
                  - {model: m1, gru_sizes: [8], max_epochs: 2, patience: 2}
                """));
        ExperimentSpec spec = SpecLoader.load(root.resolve("spec.yaml"), List.of(), root.resolve("out"));
        RunSpec run = GridExpander.expand(spec).get(0);
        Dataset dataset = new DataLoader(root.resolve("cache"), PreprocessListener.NONE).load(spec.data());
        ExperimentData data = new ExperimentData(dataset, dataset.trainByTime(), dataset.testSequences());
        Path runDir = spec.experimentDir().resolve("runs").resolve(run.id());
        ByteArrayOutputStream log = new ByteArrayOutputStream();

        WorkerId takerId = WorkerId.create();
        // no beat during the test: the old holder learns of the takeover only by looking
        try (Heartbeat silent = new Heartbeat(Duration.ofHours(1));
             ClaimBoard old = new ClaimBoard(spec.experimentDir(), WorkerId.create(), new Shard(0, 2),
                     WorkerOptions.DEFAULT_STALE_AFTER, silent);
             ClaimBoard taker = new ClaimBoard(spec.experimentDir(), takerId, new Shard(1, 2),
                     WorkerOptions.DEFAULT_STALE_AFTER, silent)) {
            assertTrue(old.tryClaim(run.id()).acquired());
            RunContext context = new RunContext(spec, run, data, runDir,
                    new PrintStream(log, true, StandardCharsets.UTF_8), 0, old);
            RunAttempt.Ended ended = new RunAttempt(context, RunProvenance.EMPTY).run(c -> {
                Path claim = spec.experimentDir().resolve(ClaimBoard.FOLDER).resolve(run.id() + ".claim");
                Files.setLastModifiedTime(claim, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
                ClaimBoard.Attempt takeover = taker.tryClaim(run.id());
                assertTrue(takeover.acquired());
                assertNotNull(takeover.other(), "taken over from the silent holder");
                return RunAttempt.EXECUTOR.execute(c);
            });

            assertEquals(RunStatus.RUNNING, ended.record().status(), log.toString(StandardCharsets.UTF_8));
            assertEquals(RunStatus.RUNNING, RunRecordIo.read(runDir.resolve(RunRecordIo.FILE_NAME)).status(),
                    "the run stays running, for its new holder to resume");
            assertTrue(old.isLost(run.id()));
            assertEquals(takerId, taker.current(run.id()).orElseThrow().holder(), "the new holder's claim stands");
            try (var files = Files.walk(runDir)) {
                assertEquals(List.of(runDir.resolve(RunRecordIo.FILE_NAME)),
                        files.filter(Files::isRegularFile).toList(), "no checkpoint, ranks or result written");
            }
            assertFalse(log.toString(StandardCharsets.UTF_8).contains("Recall@20"), "not evaluated");
        }
    }
}
