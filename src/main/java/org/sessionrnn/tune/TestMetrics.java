package org.sessionrnn.tune;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.results.RunRecord;

/**
 * {@code test.csv}: the test metrics of the best setting's final runs (one row per run of {@code best.yaml}, in
 * both tie modes), the only test numbers a search produces.
 */
final class TestMetrics {
    private TestMetrics() {
    }

    static void write(List<RunRecord> runs, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("run_id,fraction,seed,status,recall,mrr,recall_conservative,"
                + "mrr_conservative,epochs,best_epoch\n");
        for (RunRecord r : runs) {
            csv.append(String.join(",", r.runId(), r.fraction(), Long.toString(r.seed()), r.status().text(),
                    metric(r.recall()), metric(r.mrr()), metric(r.recallConservative()), metric(r.mrrConservative()),
                    Integer.toString(r.epochs()), Integer.toString(r.bestEpoch()))).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    private static String metric(double x) {
        return Double.isNaN(x) ? "" : String.format(Locale.ROOT, "%.6f", x);
    }
}
