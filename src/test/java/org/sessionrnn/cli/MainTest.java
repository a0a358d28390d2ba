package org.sessionrnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.RunProvenance;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.execute(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void aMisspelledKeyGivesOneLineWithFileLineAndKeyAndExitTwo(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("typo.yaml");
        Files.writeString(spec, "name: typo\nvariants:\n  - model: m1\n    max_epoch: 3\n");
        int code = run(spec.toString(), "--output", dir.resolve("out").toString());
        assertEquals(2, code);
        String message = err.toString().trim();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("typo.yaml:4"), message);
        assertTrue(message.contains("max_epoch"), message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
    }

    @Test
    void anUnknownFlagIsAUsageError() {
        assertEquals(2, run("run", "experiments/fractions.yaml", "--frobnicate"));
        assertTrue(err.toString().contains("--frobnicate"), err.toString());
    }

    @Test
    void compareOfIdenticalSummariesExitsZeroAndAPlantedRegressionExitsOne(@TempDir Path dir) throws Exception {
        String header = "experiment,run_id,variant,gru_size,fraction,seed,status,recall,mrr,recall_conservative,"
                + "mrr_conservative,cutoff,items,train_sequences,test_sequences,epochs,train_seconds,params,model,"
                + "validation_sequences,best_epoch,eval_seconds,predict_ms_mean,predict_ms_sd,failure\n";
        String row = "e,m1-gru100-f1-s1,m1,100,1,1,done,%s,0.30,%s,0.30,20,10,100,50,3,1.0,1000,m1,10,3,0.1,1.0,0.1,\n";
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, header + row.formatted("0.620", "0.620"));
        Files.writeString(b, header + row.formatted("0.600", "0.600"));
        assertEquals(0, run("compare", a.toString(), a.toString()));
        assertEquals(0, run("compare", a.toString(), b.toString(), "--tolerance", "0.05"));
        assertEquals(1, run("compare", a.toString(), b.toString(), "--tolerance", "0.005"));
        assertTrue(out.toString().contains("m1 (100) @ 1 recall: 0.6200 -> 0.6000"),
                "compare prints to the stream it is handed: " + out);
    }

    /** Commands print to the streams {@code Main.execute} hands them, so that a caller in the same JVM sees it all. */
    @Test
    void statusAndReportPrintToTheStreamsTheyAreHanded(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), """
                name: exp
                data: {source: synthetic}
                protocol: {fractions: [1/2, 1]}
                variants:
                  - {model: pop}
                """);
        RunRecord done = RunRecord.running("exp", "pop-f1-s1", "pop", "pop", 0, "1", 1, 100, RunProvenance.EMPTY)
                .done(new RunRecord.Training(1000, 0, 0, 0, 1.0, 0),
                        new RunRecord.Evaluation(20, 100, 0.5, 0.2, 0.5, 0.2, 1.0, null), List.of(),
                        RunProvenance.EMPTY);
        RunRecordIo.write(dir.resolve("runs/pop-f1-s1").resolve(RunRecordIo.FILE_NAME), done);

        assertEquals(0, run("status", dir.toString()));
        assertTrue(out.toString().contains("2 runs: 1 done, 0 running, 0 failed, 1 pending"), out.toString());
        out.reset();
        assertEquals(0, run("report", dir.toString()));
        assertTrue(out.toString().contains("wrote ") && out.toString().contains("summary.csv"), out.toString());
        assertTrue(out.toString().contains("missing: pop-f1_2-s1"), out.toString());
        assertEquals("", err.toString());
    }
}
