package org.sessionrnn.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sessionrnn.spec.SearchParam;
import org.sessionrnn.spec.SearchSpec;

/** The draws are seeded, distinct and inside their ranges; the rungs follow successive halving. */
class SearchScheduleTest {
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true,
            StandardCharsets.UTF_8);
    private static final List<SearchParam> SPACE = List.of(
            new SearchParam("learning_rate", SearchParam.Kind.LOG_UNIFORM, List.of(), 0.0001, 0.1),
            new SearchParam("embedding_dropout", SearchParam.Kind.UNIFORM, List.of(), 0, 0.5),
            new SearchParam("embedding", SearchParam.Kind.INTEGER, List.of(), 16, 20),
            new SearchParam("batch_size", SearchParam.Kind.CHOICE, List.of(64, 128), Double.NaN, Double.NaN));

    private static SearchSpec search(int trials, long seed, List<SearchParam> params) {
        return new SearchSpec("m1", trials, 3, 1, 9, seed, Double.POSITIVE_INFINITY, params);
    }

    @Test
    void sameSeedSameTrialsAndMoreTrialsExtendTheList() {
        List<Trial> ten = TrialSampler.draw(search(10, 4, SPACE), QUIET);
        assertEquals(ten, TrialSampler.draw(search(10, 4, SPACE), QUIET));
        assertEquals(ten, TrialSampler.draw(search(20, 4, SPACE), QUIET).subList(0, 10));
        assertNotEquals(ten, TrialSampler.draw(search(10, 5, SPACE), QUIET));
        assertEquals(10, new HashSet<>(ten.stream().map(Trial::settings).toList()).size(), "distinct settings");
    }

    @Test
    void drawsStayInTheirRangesAndSpreadOverThem() {
        List<Trial> trials = TrialSampler.draw(search(200, 1, SPACE), QUIET);
        double logMin = Double.MAX_VALUE;
        double logMax = -Double.MAX_VALUE;
        for (Trial t : trials) {
            Map<String, Object> s = t.settings();
            double lr = (Double) s.get("learning_rate");
            assertTrue(lr >= 0.0001 && lr <= 0.1, "learning_rate " + lr);
            assertEquals(lr, new java.math.BigDecimal(lr).round(new java.math.MathContext(4)).doubleValue(), 0,
                    "four significant digits");
            logMin = Math.min(logMin, Math.log10(lr));
            logMax = Math.max(logMax, Math.log10(lr));
            double dropout = (Double) s.get("embedding_dropout");
            assertTrue(dropout >= 0 && dropout <= 0.5, "dropout " + dropout);
            int embedding = (Integer) s.get("embedding");
            assertTrue(embedding >= 16 && embedding <= 20, "embedding " + embedding);
            assertTrue(List.of(64, 128).contains(s.get("batch_size")));
        }
        assertTrue(logMin < -3.7 && logMax > -1.3, "log-uniform covers the decades: " + logMin + " .. " + logMax);
        assertEquals(5, trials.stream().map(t -> t.settings().get("embedding")).distinct().count(), "16..20");
    }

    @Test
    void aFiniteSpaceSmallerThanTheTrialsIsRunOncePerPoint() {
        List<SearchParam> small = List.of(SPACE.get(2), SPACE.get(3));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        List<Trial> trials = TrialSampler.draw(search(50, 1, small), new PrintStream(text, true,
                StandardCharsets.UTF_8));
        assertEquals(10, trials.size());
        assertEquals(10, new HashSet<>(trials.stream().map(Trial::settings).toList()).size());
        assertTrue(text.toString(StandardCharsets.UTF_8).contains("has 10 settings, fewer than 50 trials"));
    }

    @Test
    void rungBudgetsGrowByEtaUpToTheMaximum() {
        assertEquals(List.of(1, 3, 9), Rungs.budgets(new SearchSpec("m1", 9, 3, 1, 9, 1, 1, SPACE)));
        assertEquals(List.of(1, 3, 10), Rungs.budgets(new SearchSpec("m1", 9, 3, 1, 10, 1, 1, SPACE)));
        assertEquals(List.of(3, 10), Rungs.budgets(new SearchSpec("m1", 9, 3, 2, 10, 1, 1, SPACE)));
        assertEquals(List.of(2, 4, 8), Rungs.budgets(new SearchSpec("m1", 9, 2, 2, 8, 1, 1, SPACE)));
        assertEquals(List.of(5), Rungs.budgets(new SearchSpec("m1", 9, 3, 5, 5, 1, 1, SPACE)));
        assertEquals(List.of(9, 3, 1, 1), List.of(9, Rungs.survivors(9, 3), Rungs.survivors(3, 3),
                Rungs.survivors(1, 3)));
        assertEquals(3, Rungs.survivors(10, 3));
    }
}
