package org.sessionrnn.report;

import org.sessionrnn.results.Fixtures;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.spec.Fraction;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperTablesTest {
    private static final Table SUMMARY = SummaryTable.fromRecords("t", List.of(
            Fixtures.run("spop", "spop", 0, "1", 1, 0.25, 0.16),
            Fixtures.run("itemknn", "itemknn", 0, "1", 1, 0.50, 0.15),
            Fixtures.run("m2", "m2", 100, "1/64", 1, 0.70, 0.30),
            Fixtures.run("m2", "m2", 100, "1/16", 1, 0.72, 0.28),
            Fixtures.run("m4", "m4", 1000, "1", 1, 0.60, 0.24),
            Fixtures.running("m1", 100, "1")));

    @Test
    void table1PicksBestRunAndRelativeImprovement() {
        Table t1 = PaperTables.table1(SUMMARY);
        assertEquals(List.of("itemknn", "spop", "m2", "m4"), t1.stringColumn("variant").asList());
        int m2 = 2;
        assertEquals("1/16", t1.stringColumn("fraction").get(m2));
        assertEquals(0.72, t1.doubleColumn("recall").get(m2), 1e-12);
        assertEquals(0.71, t1.doubleColumn("recall_conservative").get(m2), 1e-12);
        // improvements on the conservative mode (fixtures: standard - 0.01): best baseline recall 0.49 (itemknn),
        // best baseline MRR 0.15 (spop); m2 has 0.71 and 0.27
        assertEquals((0.71 - 0.49) / 0.49, t1.doubleColumn("recall_vs_best_baseline").get(m2), 1e-12);
        assertEquals((0.27 - 0.15) / 0.15, t1.doubleColumn("mrr_vs_best_baseline").get(m2), 1e-12);
        assertEquals(0.7129, t1.doubleColumn("paper_recall").get(m2), 1e-12);
        assertEquals(0.2847, t1.doubleColumn("paper_mrr").get(3), 1e-12);
        assertTrue(PaperTables.table1Markdown(t1).contains("+44.9%"), PaperTables.table1Markdown(t1));
    }

    @Test
    void aRunThatWinsOnlyByTiesIsNotTheBest() {
        RunRecord fair = Fixtures.run("itemknn", "itemknn", 0, "1", 1, 0.50, 0.20);
        RunRecord ties = Fixtures.run("itemknn", "itemknn", 0, "1/256", 1, 0.90, 0.50);
        RunRecord.Evaluation e = ties.evaluation();
        RunRecord tied = Fixtures.with(ties, new RunRecord.Evaluation(e.cutoff(), e.testSequences(), 0.90, 0.50,
                0.12, 0.07, e.evalSeconds(), e.latency()));
        Table t1 = PaperTables.table1(SummaryTable.fromRecords("t", List.of(fair, tied)));
        assertEquals("1", t1.stringColumn("fraction").get(0));
        assertEquals(0.49, t1.doubleColumn("recall_conservative").get(0), 1e-12);
    }

    @Test
    void table1ShowsTheShareOfTheFullDataWhenTheFilesHoldPartOfIt() {
        Table plain = PaperTables.table1(SUMMARY);
        assertEquals(plain.columnNames(), PaperTables.withFullFractions(plain, Fraction.ONE).columnNames());
        assertEquals(PaperTables.table1Markdown(plain), PaperTables.table1Markdown(plain, Fraction.ONE));
        Table t1 = PaperTables.withFullFractions(plain, new Fraction(1, 64));
        assertEquals(t1.columnIndex("fraction") + 1, t1.columnIndex("fraction_of_full"));
        assertEquals(List.of("1/64", "1/64", "1/1024", "1/64"), t1.stringColumn("fraction_of_full").asList());
        String md = PaperTables.table1Markdown(t1, new Fraction(1, 64));
        assertTrue(md.contains("| 1/16 (1/1024) |"), md);
        assertTrue(md.contains("which hold 1/64 of the full training set"), md);
    }

    @Test
    void table2ComparesTimeWithM1() {
        Table summary = SummaryTable.fromRecords("t", List.of(Fixtures.run("m1", "m1", 100, "1", 1, 0.6, 0.3),
                Fixtures.run("m4", "m4", 100, "1", 1, 0.5, 0.2), Fixtures.run("m4", "m4", 100, "1", 2, 0.5, 0.2)));
        Table t2 = PaperTables.table2(summary);
        assertEquals(List.of("m1", "m4"), t2.stringColumn("variant").asList());
        assertEquals(0.5, t2.doubleColumn("predict_ms_sd").get(0), 1e-12);
        assertEquals(0.0, t2.doubleColumn("predict_ms_sd").get(1), 1e-12);
        assertEquals(1.0, t2.doubleColumn("time_vs_m1").get(1), 1e-12);
        assertEquals(366.0 / 665.0, t2.doubleColumn("paper_time_vs_m1").get(1), 1e-12);
        assertEquals(1950150L, t2.longColumn("paper_params").get(1));
    }

    @Test
    void markdownColumnsAreAligned() {
        String md = PaperTables.table2Markdown(PaperTables.table2(SUMMARY));
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        assertTrue(rows.size() >= 3);
        rows.forEach(r -> assertEquals(rows.get(0).length(), r.length(), md));
    }
}
