package org.sessionrnn.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.data.DataLoader;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.PreprocessListener;
import org.sessionrnn.io.Sha256;
import org.sessionrnn.runner.ExperimentData;
import org.sessionrnn.runner.RunAttempt;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.RunSpec;
import org.sessionrnn.spec.SpecLoader;
import org.sessionrnn.spec.SpecWriter;
import org.sessionrnn.spec.TuneSpec;

/**
 * A trial's recorded rungs are reused under the run hash every run has, and under the hash of the trial's whole
 * resolved spec that searches recorded before, so that such a search resumes; under any other hash the trial is
 * not this configuration's.
 */
class TrialHashTest {
    @TempDir
    Path root;

    @Test
    void aRungIsReusedUnderTheRunHashAndTheSpecHashOnly() throws Exception {
        PlantedTune planted = new PlantedTune(root);
        TuneSpec spec = SpecLoader.loadTune(planted.specFile(), List.of(), root.resolve("out"), Map.of());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Dataset dataset = new DataLoader(root.resolve("cache"), PreprocessListener.NONE)
                .loadTraining(spec.base().data());
        ExperimentData data = ExperimentData.withoutTest(dataset, dataset.trainByTime());
        SelectionRuns runs = new SelectionRuns(spec, data, planted.dir(), false, quiet);
        Trial trial = TrialSampler.draw(spec.search(), quiet).get(0);
        ExperimentSpec trialSpec = runs.trialSpec(trial);
        RunSpec run = SelectionRuns.runOf(trial, trialSpec);
        Path runDir = planted.dir().resolve("runs").resolve(trial.id());
        RungResult rung = new RungResult(0, 1, 1, 1, 0.5, 0.25, null);

        String runHash = RunAttempt.configHash(trialSpec, run, data);
        String specHash = Sha256.ofText(dataset.dataHash() + "\n" + SpecWriter.toYaml(trialSpec.withoutReportKeys())
                + "\n" + run, 16);
        for (String hash : List.of(runHash, specHash)) {
            new TrialState(hash, trial.settings(), List.of(rung)).write(runDir);
            assertEquals(rung, runs.recorded(trial, 0).orElseThrow(), hash);
        }
        new TrialState("0123456789abcdef", trial.settings(), List.of(rung)).write(runDir);
        assertTrue(runs.recorded(trial, 0).isEmpty(), "another configuration's rung is not reused");
    }
}
