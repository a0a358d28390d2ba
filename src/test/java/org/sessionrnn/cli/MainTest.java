package org.sessionrnn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    }
}
