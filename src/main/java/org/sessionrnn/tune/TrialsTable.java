package org.sessionrnn.tune;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.spec.SearchParam;
import org.sessionrnn.spec.SearchSpec;

/**
 * {@code trials.csv}: one row per trial with its id, status, searched settings and, per rung, the epochs trained
 * in all and the validation Recall@k and MRR@k of its best epoch so far (empty where the trial did not run). It
 * holds no timings, so the same search gives the same file whether or not it was interrupted.
 */
final class TrialsTable {
    /** The file's name in a tune folder. */
    static final String FILE_NAME = "trials.csv";

    private TrialsTable() {
    }

    static void write(List<TrialOutcome> outcomes, SearchSpec search, List<Integer> budgets, Path file)
            throws IOException {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("trial", "status"));
        search.params().stream().map(SearchParam::key).forEach(header::add);
        for (int r = 0; r < budgets.size(); r++) {
            header.addAll(List.of("r" + r + "_epochs", "r" + r + "_recall", "r" + r + "_mrr"));
        }
        csv.append(String.join(",", header)).append('\n');
        for (TrialOutcome o : outcomes) {
            List<String> row = new ArrayList<>(List.of(o.trial().id(), o.status()));
            search.params().forEach(p -> row.add(quoted(TrialText.valueText(o.trial().settings().get(p.key())))));
            for (int r = 0; r < budgets.size(); r++) {
                int rung = r;
                RungResult result = o.rungs().stream().filter(x -> x.rung() == rung).findFirst().orElse(null);
                boolean shown = result != null && result.ok();
                row.add(shown ? Integer.toString(result.epochs()) : "");
                row.add(shown ? metric(result.recall()) : "");
                row.add(shown ? metric(result.mrr()) : "");
            }
            csv.append(String.join(",", row)).append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    private static String metric(double x) {
        return String.format(Locale.ROOT, "%.6f", x);
    }

    private static String quoted(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
