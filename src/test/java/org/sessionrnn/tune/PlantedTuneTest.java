package org.sessionrnn.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.spec.ExperimentSpec;
import org.sessionrnn.spec.SpecLoader;

/**
 * A tune on data with a planted pattern picks the one setting that can learn it, selecting without ever reading
 * the test file: with a test file that cannot be parsed, selection still runs to the end and only the final test
 * evaluation fails. Repaired, the rerun reuses every trial, and {@code best.yaml} runs as a spec.
 */
@Tag("slow")
class PlantedTuneTest {
    @TempDir
    Path root;

    @Test
    void findsThePlantedBestSettingWithoutReadingTheTestFile() throws Exception {
        PlantedTune tune = new PlantedTune(root);
        String testFile = Files.readString(tune.test());
        Files.writeString(tune.test(), testFile + "999\t100\tnot-a-time\n");
        long badLine = testFile.lines().count() + 1;

        PlantedTune.Result first = PlantedTune.run(tune.args());
        assertEquals(2, first.code(), first.out() + first.err());
        assertTrue(first.err().startsWith("error: " + tune.test() + ":" + badLine + ": "), first.err());
        assertEquals(1, first.err().lines().count(), first.err());
        List<String[]> rows = rows(tune.dir().resolve(Tuner.TRIALS_CSV));
        assertEquals(List.of("trial", "status", "learning_rate", "r0_epochs", "r0_recall", "r0_mrr", "r1_epochs",
                "r1_recall", "r1_mrr"), Arrays.asList(rows.get(0)));
        assertEquals(5, rows.size(), "four trials");
        String[] best = rows.stream().filter(r -> r[1].equals("best")).findFirst().orElseThrow();
        assertEquals("0.05", best[2], "the planted best learning rate wins");
        assertEquals("2", best[6], "the winner trained both rungs");
        assertTrue(Double.parseDouble(best[7]) > 0.9, "it learned the pattern: " + best[7]);
        for (String[] r : rows.subList(1, rows.size())) {
            if (r != best) {
                assertTrue(Double.parseDouble(r[4]) < 0.6, "the slow learning rates learn nothing: " + r[4]);
            }
        }
        assertEquals(1, rows.stream().filter(r -> r[1].equals("completed")).count(), "eta 2 keeps two of four");
        assertEquals(2, rows.stream().filter(r -> r[1].equals("pruned_r0")).count());
        assertTrue(Files.exists(tune.dir().resolve(Tuner.BEST_YAML)));
        assertTrue(Files.exists(tune.dir().resolve(Tuner.CHART)));
        assertFalse(Files.exists(tune.dir().resolve(Tuner.TEST_CSV)), "no test metrics without a readable test file");
        String trials = Files.readString(tune.dir().resolve(Tuner.TRIALS_CSV));

        Files.writeString(tune.test(), testFile);
        PlantedTune.Result second = PlantedTune.run(tune.args());
        assertEquals(0, second.code(), second.out() + second.err());
        assertEquals(6, count(second.out(), "already evaluated at this rung with the same configuration: reused"),
                "4 + 2 evaluations reused, none trained again");
        assertEquals(trials, Files.readString(tune.dir().resolve(Tuner.TRIALS_CSV)));
        List<String[]> test = rows(tune.dir().resolve(Tuner.TEST_CSV));
        assertEquals(2, test.size(), "one final run: one seed, one fraction");
        assertTrue(Double.parseDouble(test.get(1)[4]) > 0.9, "test Recall@20 of the best setting " + test.get(1)[4]);

        Path bestYaml = tune.dir().resolve(Tuner.BEST_YAML);
        ExperimentSpec spec = SpecLoader.load(bestYaml);
        assertEquals(0.05, spec.variants().get(0).training().learningRate());
        assertEquals(2, spec.variants().get(0).training().maxEpochs());
        PlantedTune.Result rerun = PlantedTune.run(bestYaml.toString());
        assertEquals(0, rerun.code(), rerun.out() + rerun.err());
        assertTrue(rerun.out().contains("already done with the same configuration"), rerun.out());
    }

    /**
     * A time budget spent by the first trial stops the search there: the other trials stay pending, the one
     * evaluated trial wins, and a rerun, counting the time already spent, ends the same way without training.
     */
    @Test
    void aSpentTimeBudgetStopsTheSearchAndStaysSpent() throws Exception {
        PlantedTune tune = new PlantedTune(root);
        PlantedTune.Result first = PlantedTune.run(tune.args("--budget-minutes", "0.0001"));
        assertEquals(0, first.code(), first.out() + first.err());
        assertTrue(first.out().contains("The time budget (0.0001 minutes) ran out"), first.out());
        List<String[]> rows = rows(tune.dir().resolve(Tuner.TRIALS_CSV));
        assertEquals(List.of("best", "pending", "pending", "pending"), rows.subList(1, rows.size()).stream()
                .map(r -> r[1]).toList());
        String trials = Files.readString(tune.dir().resolve(Tuner.TRIALS_CSV));
        PlantedTune.Result again = PlantedTune.run(tune.args("--budget-minutes", "0.0001"));
        assertEquals(0, again.code(), again.out() + again.err());
        assertEquals(1, count(again.out(), "already evaluated at this rung with the same configuration: reused"));
        assertEquals(trials, Files.readString(tune.dir().resolve(Tuner.TRIALS_CSV)));
    }

    private static List<String[]> rows(Path csv) throws Exception {
        return Files.readAllLines(csv).stream().map(l -> l.split(",", -1)).toList();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
