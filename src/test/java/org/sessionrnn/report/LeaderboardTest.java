package org.sessionrnn.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.results.Fixtures;
import org.sessionrnn.results.RunRecord;
import org.sessionrnn.results.RunRecordIo;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.Fraction;
import org.sessionrnn.spec.ProtocolSpec;
import org.sessionrnn.spec.SpecLoader;
import org.sessionrnn.spec.SpecWriter;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeaderboardTest {
    /** Fixtures' conservative metrics are the standard ones less 0.01. */
    private static final List<RunRecord> RUNS = List.of(
            Fixtures.run("m1plus", "m1plus", 100, "1", 1, 0.74, 0.34),
            Fixtures.run("m1plus", "m1plus", 100, "1", 2, 0.72, 0.32),
            // a better smaller fraction: the leaderboard compares fraction 1 where there is one
            Fixtures.run("m1plus", "m1plus", 100, "1/4", 1, 0.80, 0.40),
            // m2 never runs at fraction 1: its largest fraction counts
            Fixtures.run("m2", "m2", 100, "1/64", 1, 0.75, 0.35),
            Fixtures.run("m2", "m2", 100, "1/4", 1, 0.69, 0.30),
            Fixtures.run("m2", "m2", 100, "1/4", 2, 0.69, 0.30),
            Fixtures.run("pop", "pop", 0, "1", 1, 0.08, 0.03),
            Fixtures.running("m4", 100, "1"),
            atCutoff10(Fixtures.run("m1", "m1", 100, "1", 1, 0.99, 0.9)));

    @TempDir
    Path dir;

    @Test
    void oursBesideThePublishedRowsSortedByRecall() {
        Table t = Leaderboard.table(SummaryTable.fromRecords("lb", RUNS), "yoochoose1_64");
        assertEquals(List.of("SGNN-HN", "m1plus (GRU 100)", "SR-GNN", "GRU4Rec (official PyTorch code)", "STAMP",
                "NARM", "m2 (GRU 100)", "Improved GRU-Rec", "GRU4Rec", "Item-KNN", "S-POP", "pop", "POP"),
                t.stringColumn("name").asList());
        assertEquals(List.of("published", "ours", "published", "reference", "published", "published", "ours",
                "published", "published", "published", "published", "ours", "published"),
                t.stringColumn("kind").asList());
        int m1plus = 1;
        assertEquals(72.0, t.doubleColumn("recall_at_20").get(m1plus), 1e-9);
        assertEquals(Math.sqrt(2), t.doubleColumn("recall_at_20_sd").get(m1plus), 1e-9);
        assertEquals(32.0, t.doubleColumn("mrr_at_20").get(m1plus), 1e-9);
        assertEquals(Math.sqrt(2), t.doubleColumn("mrr_at_20_sd").get(m1plus), 1e-9);
        assertEquals(2, t.intColumn("seeds").get(m1plus));
        assertEquals("1", t.stringColumn("fraction").get(m1plus));
        assertEquals("conservative", t.stringColumn("ties").get(m1plus));
        int m2 = 6;
        assertEquals("1/4", t.stringColumn("fraction").get(m2));
        assertEquals(68.0, t.doubleColumn("recall_at_20").get(m2), 1e-9);
        assertEquals(0.0, t.doubleColumn("recall_at_20_sd").get(m2), 1e-9);
        assertEquals(29.0, t.doubleColumn("mrr_at_20").get(m2), 1e-9);
        int pop = 11;
        assertEquals(7.0, t.doubleColumn("recall_at_20").get(pop), 1e-9);
        assertTrue(t.doubleColumn("recall_at_20_sd").isMissing(pop), "one seed has no sd");
        assertEquals(1, t.intColumn("seeds").get(pop));
        assertEquals(72.06, t.doubleColumn("recall_at_20").get(0), 0);
        assertEquals(32.61, t.doubleColumn("mrr_at_20").get(0), 0);
        assertTrue(t.stringColumn("source").get(0).contains("SGNN-HN"));
    }

    @Test
    void everyLeaderboardASpecMayNameHasItsPublishedRows() {
        List<String> named = new ArrayList<>(ProtocolSpec.LEADERBOARDS);
        named.remove(ProtocolSpec.NO_LEADERBOARD);
        named.remove(ProtocolSpec.AUTO_LEADERBOARD);
        assertEquals(named, Leaderboard.names());
        assertEquals(List.of("GRU4Rec", "Improved GRU-Rec", "NARM", "STAMP", "SR-GNN", "SGNN-HN"),
                Leaderboard.published("yoochoose1_4").stringColumn("name").asList());
        assertEquals(List.of(49.70, 50.73, 55.67),
                Leaderboard.published("diginetica").doubleColumn("recall_at_20").asList());
        assertEquals(List.of(16.17, 17.59, 19.45),
                Leaderboard.published("diginetica").doubleColumn("mrr_at_20").asList());
    }

    @Test
    void markdownMarksOursAndStatesTheProtocolAndTheCaveat() {
        Table t = Leaderboard.table(SummaryTable.fromRecords("lb", RUNS), "yoochoose1_64");
        String md = Leaderboard.markdown(t, "yoochoose1_64", new Fraction(1, 64));
        assertTrue(md.startsWith("# Leaderboard: YOOCHOOSE 1/64\n"), md);
        List<String> cells = md.lines().filter(l -> l.startsWith("|")).map(l -> l.replaceAll(" +", " ")).toList();
        assertEquals("| 2 | **m1plus (GRU 100)** | 72.00 ± 1.41 | 32.00 ± 1.41 | 2 | 1 (1/64) | this run |",
                cells.get(3));
        assertEquals("| 7 | **m2 (GRU 100)** | 68.00 ± 0.00 | 29.00 ± 0.00 | 2 | 1/4 (1/256) | this run |",
                cells.get(8));
        assertEquals("| 12 | **pop** | 7.00 | 2.00 | 1 | 1 (1/64) | this run |", cells.get(13));
        assertEquals("| 1 | SGNN-HN | 72.06 | 32.61 | – | – | SGNN-HN (Pan et al., CIKM 2020) |", cells.get(2));
        assertTrue(md.contains("conservative tie mode"), md);
        assertTrue(md.contains("best epoch measured on the test set"), md);
        assertTrue(md.contains("412 test events (0.74%)") && md.contains("about 69.7 / 30.5"), md);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        assertEquals(2 + t.rowCount(), rows.size());
        rows.forEach(r -> assertEquals(rows.get(0).length(), r.length(), md));
    }

    @Test
    void theReportWritesTheLeaderboardThatSpecYamlNames() throws IOException {
        writeRuns();
        writeSpec("protocol.leaderboard=diginetica");
        List<Path> written = ReportWriter.writeAll(dir);
        assertTrue(written.contains(dir.resolve(Leaderboard.CSV)) && written.contains(dir.resolve(Leaderboard.MD)));
        Table csv = TableCsv.read(dir.resolve(Leaderboard.CSV), c -> c.startsWith("recall") || c.startsWith("mrr")
                ? ColumnType.DOUBLE : c.equals("seeds") || c.equals("gru_size") ? ColumnType.INTEGER
                : ColumnType.STRING);
        assertEquals(List.of("name", "kind", "recall_at_20", "recall_at_20_sd", "mrr_at_20", "mrr_at_20_sd", "seeds",
                "ties", "fraction", "variant", "model", "gru_size", "source", "note"), csv.columnNames());
        assertEquals(List.of("m1plus (GRU 100)", "m2 (GRU 100)", "SGNN-HN", "SR-GNN", "NARM", "pop"),
                csv.stringColumn("name").asList());
        assertEquals(72.0, csv.doubleColumn("recall_at_20").get(0), 1e-9);
        assertEquals("m1plus", csv.stringColumn("model").get(0));
        assertTrue(Files.readString(dir.resolve(Leaderboard.MD)).startsWith("# Leaderboard: DIGINETICA"));
    }

    @Test
    void noneWritesNoLeaderboard() throws IOException {
        writeRuns();
        writeSpec("protocol.leaderboard=none");
        List<Path> written = ReportWriter.writeAll(dir);
        assertTrue(written.contains(dir.resolve(PaperTables.TABLE1_MD)));
        assertFalse(Files.exists(dir.resolve(Leaderboard.CSV)) || Files.exists(dir.resolve(Leaderboard.MD)));
        assertFalse(written.stream().anyMatch(p -> p.getFileName().toString().startsWith("leaderboard")));
    }

    /** A done m1plus run over data of this size. */
    private static RunRecord onData(long seed, int items, long train, long validation, long test) {
        RunRecord r = Fixtures.run("m1plus", "m1plus", 100, "1", seed, 0.71, 0.31);
        RunRecord.Training t = r.training();
        RunRecord.Evaluation e = r.evaluation();
        return Fixtures.with(r, items, new RunRecord.Training(train, validation, t.epochs(), t.bestEpoch(),
                t.trainSeconds(), t.params()), new RunRecord.Evaluation(e.cutoff(), test, e.recall(), e.mrr(),
                e.recallConservative(), e.mrrConservative(), e.evalSeconds(), e.latency()));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "[{index}] {1} items, {4} test prefixes, refit {5}")
    @org.junit.jupiter.params.provider.CsvSource({
            // SR-GNN's Table 1 sizes, the training prefixes split into training and validation as a run does
            "yoochoose1_64, 37483, 332872, 36987, 55898, false",
            "yoochoose1_4, 37483, 5325970, 591775, 55898, false",
            // a refit run trains on all training prefixes and still reports the hold-out it selected epochs on
            "yoochoose1_64, 37483, 369859, 36987, 55898, true",
            "yoochoose1_4, 37483, 5917745, 591775, 55898, true",
            "diginetica, 43097, 647523, 71947, 60858, false",
            "diginetica, 43097, 719470, 71947, 60858, true",
            // the same test day but another catalogue, and another test set: no published set
            "'', 37000, 332872, 36987, 55898, false",
            "'', 43097, 647523, 71947, 60000, false"})
    void autoPicksThePublishedSetWhoseDataMatches(String expected, int items, long train, long validation,
                                                 long test, boolean refit) {
        RunRecord run = onData(1, items, train, validation, test);
        Table summary = SummaryTable.fromRecords("lb", List.of(refit ? Fixtures.refit(run, 4) : run));
        assertEquals(expected.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(expected),
                Leaderboard.matching(summary));
    }

    @Test
    void aRefitRunAndAnEarlyStoppedRunOverTheSameDataSeeTheSameTrainingPrefixes() throws IOException {
        // 1,205 training prefixes: 1,080 to train and 125 held out, or all 1,205 in a refit that held out 125
        Table plain = SummaryTable.fromRecords("lb", List.of(onData(1, 1234, 1080, 125, 777)));
        Table refit = SummaryTable.fromRecords("lb", List.of(Fixtures.refit(onData(1, 1234, 1205, 125, 777), 3)));
        Table both = SummaryTable.fromRecords("lb", List.of(onData(1, 1234, 1080, 125, 777),
                Fixtures.refit(onData(2, 1234, 1205, 125, 777), 3)));
        for (Table summary : List.of(plain, refit, both)) {
            String md = Leaderboard.unmatched(Leaderboard.table(summary, "yoochoose1_64"), Fraction.ONE,
                    SummaryTable.done(summary));
            assertTrue(md.contains("(1,234 items, 777 test prefixes, 1,205 training prefixes)"), md);
        }
    }

    @Test
    void autoOnDataNoPublishedSetMatchesListsOursAloneAndSaysWhy() throws IOException {
        Table summary = SummaryTable.fromRecords("lb", List.of(onData(1, 1234, 9000, 1000, 777),
                onData(2, 1234, 9000, 1000, 777)));
        Leaderboard.write(summary, ProtocolSpec.AUTO_LEADERBOARD, Fraction.ONE, dir);
        String md = Files.readString(dir.resolve(Leaderboard.MD));
        assertTrue(md.startsWith("# Leaderboard: this data\n\nNo published leaderboard is known for this data "
                + "(1,234 items, 777 test prefixes, 10,000 training prefixes)"), md);
        Table csv = TableCsv.read(dir.resolve(Leaderboard.CSV), c -> ColumnType.STRING);
        assertEquals(List.of("ours"), csv.stringColumn("kind").asList());
    }

    @Test
    void autoOnYoochooseDataWritesThatLeaderboard() throws IOException {
        Table summary = SummaryTable.fromRecords("lb", List.of(onData(1, 37483, 332872, 36987, 55898)));
        Leaderboard.write(summary, ProtocolSpec.AUTO_LEADERBOARD, Fraction.ONE, dir);
        assertTrue(Files.readString(dir.resolve(Leaderboard.MD)).startsWith("# Leaderboard: YOOCHOOSE 1/64\n"));
        Table csv = TableCsv.read(dir.resolve(Leaderboard.CSV), c -> ColumnType.STRING);
        assertTrue(csv.stringColumn("name").asList().contains("SR-GNN"));
    }

    private void writeRuns() throws IOException {
        for (RunRecord run : RUNS) {
            RunRecordIo.write(dir.resolve("runs").resolve(run.runId()).resolve(RunRecordIo.FILE_NAME), run);
        }
    }

    private void writeSpec(String leaderboard) {
        ExperimentSpec spec = SpecLoader.load(Path.of("experiments/fractions.yaml"), List.of(leaderboard), null);
        SpecWriter.write(spec, dir.resolve("spec.yaml"));
    }

    private static RunRecord atCutoff10(RunRecord r) {
        RunRecord.Evaluation e = r.evaluation();
        return Fixtures.with(r, new RunRecord.Evaluation(10, e.testSequences(), e.recall(), e.mrr(),
                e.recallConservative(), e.mrrConservative(), e.evalSeconds(), e.latency()));
    }
}
