package org.sessionrnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.claims.ClaimBoard;
import org.sessionrnn.claims.Heartbeat;
import org.sessionrnn.claims.Shard;
import org.sessionrnn.claims.WorkerId;

/** The status of a grid from its folder: one run in each state, and the time left worked out by hand. */
class GridStatusTest {
    @TempDir
    Path dir;

    @Test
    void eachRunInItsStateWithWhoWhyAndTheTimeLeft() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), """
                name: exp
                seeds: [3]
                data: {source: synthetic}
                protocol: {fractions: [1/8, 1/4, 1/2, 1]}
                variants:
                  - {model: m1, gru_sizes: [16], max_epochs: 4}
                """);
        write(record("m1-gru16-f1_8-s3", RunRecord.DONE, null, 12.5, 1.5, Map.of("worker", "node7:42", "shard", "0/2")));
        write(record("m1-gru16-f1_4-s3", RunRecord.FAILED, "TrainingDivergedException: loss became NaN", 0, 0,
                Map.of()));
        write(record("m1-gru16-f1_2-s3", RunRecord.RUNNING, null, 0, 0, Map.of()));
        try (Heartbeat beat = new Heartbeat(Duration.ofSeconds(30));
             ClaimBoard claims = new ClaimBoard(dir, WorkerId.create(), new Shard(1, 2), Duration.ofMinutes(5), beat)) {
            assertTrue(claims.tryClaim("m1-gru16-f1_2-s3").acquired());
            GridStatus status = GridStatus.of(dir, Duration.ofMinutes(5));

            assertEquals(List.of("m1-gru16-f1_8-s3", "m1-gru16-f1_4-s3", "m1-gru16-f1_2-s3", "m1-gru16-f1-s3"),
                    status.runs().stream().map(GridStatus.Run::id).toList(), "grid order");
            assertEquals(List.of(GridStatus.State.DONE, GridStatus.State.FAILED, GridStatus.State.RUNNING,
                    GridStatus.State.PENDING), status.runs().stream().map(GridStatus.Run::state).toList());
            assertEquals("trained by node7:42 (shard 0/2)", status.runs().get(0).detail());
            assertEquals("TrainingDivergedException: loss became NaN", status.runs().get(1).detail());
            assertTrue(status.runs().get(2).detail().startsWith(WorkerId.localHost() + ":"
                    + ProcessHandle.current().pid() + " (shard 1/2) since "), status.runs().get(2).detail());
            // one finished run of 12.5 + 1.5 s; two runs left (running, pending); no live worker registered: 1
            assertEquals(Optional.of(Duration.ofSeconds(28)), status.eta());
        }
    }

    private void write(RunRecord r) throws Exception {
        RunRecordIo.write(dir.resolve("runs").resolve(r.runId()).resolve(RunRecordIo.FILE_NAME), r);
    }

    private static RunRecord record(String id, RunStatus status, String failure, double train, double eval,
                                    Map<String, String> facts) {
        RunProvenance provenance = RunProvenance.fromMap(facts);
        RunRecord running = RunRecord.running("exp", id, "m1", "m1", 16, "1", 3, 100, provenance);
        return switch (status) {
            case RUNNING -> running;
            case FAILED -> running.failed(failure, provenance);
            case DONE -> running.done(new RunRecord.Training(0, 0, 0, 0, train, 0),
                    new RunRecord.Evaluation(20, 0, 0.5, 0.2, 0.5, 0.2, eval, null), List.of(), provenance);
        };
    }
}
