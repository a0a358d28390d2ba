package org.sessionrnn.report;

import org.sessionrnn.results.Fixtures;
import org.sessionrnn.results.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTableTest {
    @TempDir
    Path dir;

    private final List<RunRecord> records = List.of(Fixtures.run("m1", "m1", 100, "1/256", 3, 0.625, 0.25),
            Fixtures.running("m4", 1000, "1/64"));

    @Test
    void columnOrderAndValues() throws IOException {
        Path file = dir.resolve(SummaryTable.FILE_NAME);
        SummaryTable.write(SummaryTable.fromRecords("exp", records), file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("experiment,run_id,variant,gru_size,fraction,seed,status,recall,mrr,recall_conservative,"
                + "mrr_conservative,cutoff,items,train_sequences,test_sequences,epochs,train_seconds,params,model,"
                + "validation_sequences,best_epoch,eval_seconds,predict_ms_mean,predict_ms_sd,failure,refit_epochs",
                lines.get(0));
        assertEquals("exp,m1-100-1_256-s3,m1,100,1/256,3,done,0.625,0.25,0.615,0.24,20,1000,5000,300,3,12.5,1234,"
                + "m1,500,2,1.5,4.0,0.5,,", lines.get(1));
        // nothing measured yet: metrics and times empty, counts 0
        assertEquals("exp,m4-running,m4,1000,1/64,1,running,,,,,0,1000,0,0,0,,0,m4,0,0,,,,,", lines.get(2));
    }

    @Test
    void aRefitRunHasItsRefitEpochs() {
        Table t = SummaryTable.fromRecords("exp", List.of(Fixtures.refit(records.get(0), 2), records.get(0)));
        assertEquals(2, t.intColumn("refit_epochs").get(0));
        assertTrue(t.intColumn("refit_epochs").isMissing(1));
    }

    @Test
    void readsBackWithFractionAsString() throws IOException {
        Path file = dir.resolve(SummaryTable.FILE_NAME);
        SummaryTable.write(SummaryTable.fromRecords("exp", records), file);
        Table table = SummaryTable.read(file);
        assertEquals(SummaryTable.columnNames(), table.columnNames());
        assertEquals("1/256", table.stringColumn("fraction").get(0));
        assertEquals(0.625, table.doubleColumn("recall").get(0), 0);
        assertTrue(Double.isNaN(table.doubleColumn("recall").getDouble(1)));
        assertEquals(1, SummaryTable.done(table).rowCount());
    }
}
