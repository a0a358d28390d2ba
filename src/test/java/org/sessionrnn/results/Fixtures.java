package org.sessionrnn.results;

import org.sessionrnn.results.EpochRecord;
import java.util.List;
import java.util.Map;

/** Hand-made run records for the report tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A done run with the given identity and metrics; other fields fixed. */
    public static RunRecord run(String variant, String model, int gruSize, String fraction, long seed, double recall,
                         double mrr) {
        String id = variant + "-" + gruSize + "-" + fraction.replace('/', '_') + "-s" + seed;
        return new RunRecord("exp", id, variant, model, gruSize, fraction, seed, RunRecord.DONE, null, recall, mrr,
                recall - 0.01, mrr - 0.01, 20, 1000, 5000, 500, 300, 3, 2, 12.5, 1.5, 1234L, 4.0, 0.5,
                List.of(new EpochRecord(1, 6.0, recall - 0.1, mrr - 0.05, 4.0, 1000),
                        new EpochRecord(2, 5.0, recall, mrr, 4.0, 1100)),
                RunProvenance.fromMap(Map.of("git_commit", "abc")));
    }

    /** A running run: metrics NaN, no history. */
    public static RunRecord running(String variant, int gruSize, String fraction) {
        return new RunRecord("exp", variant + "-running", variant, variant, gruSize, fraction, 1, RunRecord.RUNNING,
                null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 20, 1000, 5000, 500, 300, 0, 0, Double.NaN,
                Double.NaN, 0, Double.NaN, Double.NaN, List.of(), RunProvenance.EMPTY);
    }
}
