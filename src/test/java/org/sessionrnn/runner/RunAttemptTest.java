package org.sessionrnn.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.data.TestWithheldException;
import org.sessionrnn.results.RankFile;
import org.sessionrnn.results.ResultsFileException;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.results.RunStatus;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.GridExpander;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;
import org.sessionrnn.train.TrainingDivergedException;
import org.sessionrnn.train.TrainingInterruptedException;

/**
 * The lifecycle every run goes through, the runner's and a search's: running on disk while it executes, then
 * done with what it measured or failed with why; an interrupt and input that no rerun fixes leave it running.
 */
class RunAttemptTest {
    @TempDir
    Path root;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private RunContext context;

    @BeforeEach
    void loadATinyGrid() throws IOException {
        Files.writeString(root.resolve("spec.yaml"), TinyExperiment.spec(2_000, "[1]", "  - model: pop\n"));
        ExperimentSpec spec = SpecLoader.load(root.resolve("spec.yaml"), List.of(), root.resolve("out"));
        RunSpec run = GridExpander.expand(spec).get(0);
        Dataset dataset = new DataLoader(root.resolve("cache"), PreprocessListener.NONE).load(spec.data());
        ExperimentData data = new ExperimentData(dataset, dataset.trainByTime(), dataset.testSequences());
        context = new RunContext(spec, run, data, spec.experimentDir().resolve("runs").resolve(run.id()),
                new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @Test
    void aRunIsRecordedRunningThenDoneWithWhatItMeasured() throws Exception {
        RunAttempt.Ended ended = attempt(c -> {
            assertEquals(RunStatus.RUNNING, recorded().status(), "running on disk while it executes");
            assertNotNull(recorded().provenance().startedAt());
            return RunAttempt.EXECUTOR.execute(c);
        });
        RunRecord done = recorded();
        assertEquals(ended.record(), done);
        assertEquals(RunStatus.DONE, done.status());
        assertEquals(RunAttempt.configHash(context.spec(), context.run(), context.data()),
                done.provenance().configHash());
        assertNotNull(done.provenance().finishedAt());
        assertNotNull(done.training());
        assertEquals(ended.outcome().test().metrics().recall(), done.evaluation().recall());
        assertTrue(Files.isRegularFile(context.runDir().resolve(RankFile.FILE_NAME)));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("Recall@20 "), log.toString());
    }

    @Test
    void anErrorFailsTheRunOnlyAndDivergenceNamesItsEpoch() throws Exception {
        RunAttempt.Ended ended = attempt(c -> {
            throw new TrainingDivergedException(3, 42, Double.NaN);
        });
        assertTrue(ended.failed());
        RunRecord failed = recorded();
        assertEquals(RunStatus.FAILED, failed.status());
        assertEquals("TrainingDivergedException: training loss became NaN in epoch 3 (step 42)", failed.failure());
        assertEquals("3", failed.provenance().get("failed_epoch"));
        assertNull(failed.training(), "nothing measured");
        assertNull(failed.evaluation(), "nothing measured");
    }

    @Test
    void anInterruptOrInputNoRerunFixesLeavesTheRunRunning() throws Exception {
        GridInterruptedException stop = assertThrows(GridInterruptedException.class, () -> attempt(c -> {
            throw new TrainingInterruptedException(2);
        }));
        assertTrue(stop.getMessage().contains("(epoch 2); rerun the same command"), stop.getMessage());
        assertEquals(RunStatus.RUNNING, recorded().status());

        ResultsFileException corrupt = new ResultsFileException("corrupt checkpoint");
        assertSame(corrupt, assertThrows(ResultsFileException.class, () -> attempt(c -> {
            throw corrupt;
        })));
        assertEquals(RunStatus.RUNNING, recorded().status());

        assertThrows(TestWithheldException.class, () -> attempt(c -> {
            throw new TestWithheldException("tiny");
        }));
        assertEquals(RunStatus.RUNNING, recorded().status());
    }

    private RunAttempt.Ended attempt(RunAttempt.Execution execution) throws IOException {
        return new RunAttempt(context, RunProvenance.EMPTY).run(execution);
    }

    private RunRecord recorded() throws IOException {
        return RunRecordIo.read(context.runDir().resolve(RunRecordIo.FILE_NAME));
    }
}
