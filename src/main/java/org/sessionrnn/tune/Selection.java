package org.sessionrnn.tune;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sessionrnn.runner.GridInterruptedException;
import org.sessionrnn.spec.SearchSpec;
import org.sessionrnn.train.StopRequest;

/**
 * Successive halving over the drawn trials: rung by rung, trains every trial still in the race to the rung's
 * budget, in trial order, and keeps the best {@link Rungs#survivors} of them by {@link #RANKING}.
 * {@code trials.csv} is rewritten after every trial. When the time budget runs out, no further training starts
 * and the winner is the best trial of the highest rung any trial finished.
 */
final class Selection {
    /**
     * Best first: finished before failed, then higher validation Recall@k, then higher MRR@k, then the earlier
     * trial, so that ties are broken the same way every time.
     */
    static final Comparator<Map.Entry<Trial, RungResult>> RANKING = Comparator
            .<Map.Entry<Trial, RungResult>>comparingInt(e -> e.getValue().ok() ? 0 : 1)
            .thenComparing(e -> e.getValue().recall(), Comparator.reverseOrder())
            .thenComparing(e -> e.getValue().mrr(), Comparator.reverseOrder())
            .thenComparingInt(e -> e.getKey().number());

    private final List<Trial> trials;
    private final List<Integer> budgets;
    private final SearchSpec search;
    private final SelectionRuns runs;
    private final TimeBudget time;
    private final Path dir;
    private final PrintStream out;
    private final Map<Trial, Map<Integer, RungResult>> results = new LinkedHashMap<>();
    /** The highest rung each trial was admitted to. */
    private final Map<Trial, Integer> admitted = new HashMap<>();
    /** The highest rung whose survivors have been chosen, -1 before. */
    private int decided = -1;
    private boolean outOfTime;
    private boolean over;

    Selection(List<Trial> trials, List<Integer> budgets, SearchSpec search, SelectionRuns runs, TimeBudget time,
              Path dir, PrintStream out) {
        this.trials = trials;
        this.budgets = budgets;
        this.search = search;
        this.runs = runs;
        this.time = time;
        this.dir = dir;
        this.out = out;
        trials.forEach(t -> results.put(t, new LinkedHashMap<>()));
    }

    /** Runs every rung (or until the time budget runs out) and writes the final trials.csv. */
    void run() throws IOException {
        List<Trial> racing = trials;
        for (int rung = 0; rung < budgets.size() && !outOfTime; rung++) {
            for (Trial t : racing) {
                admitted.put(t, rung);
            }
            out.printf("%nRung %d of %d: %d trial(s) to %d epoch(s)%n", rung + 1, budgets.size(), racing.size(),
                    budgets.get(rung));
            runRung(racing, rung);
            if (!outOfTime && rung + 1 < budgets.size()) {
                racing = best(racing, rung, Rungs.survivors(racing.size(), search.eta()));
                decided = rung;
            }
        }
        if (outOfTime) {
            out.printf("%nThe time budget (%s minutes) ran out: selection stops here%n",
                    TrialText.valueText(search.budgetMinutes()));
        }
        over = true;
        writeTable();
    }

    private void runRung(List<Trial> racing, int rung) throws IOException {
        for (int i = 0; i < racing.size(); i++) {
            Trial trial = racing.get(i);
            out.printf("%n[rung %d, %d/%d] %s %s%n", rung + 1, i + 1, racing.size(), trial.id(),
                    TrialText.settingsText(trial.settings()));
            Optional<RungResult> done = runs.recorded(trial, rung);
            if (done.isEmpty() && time.exhausted()) {
                outOfTime = true;
                return;
            }
            checkNotInterrupted(trial.id());
            RungResult result;
            if (done.isPresent()) {
                result = done.get();
                out.println("  already evaluated at this rung with the same configuration: reused");
            } else {
                long start = System.nanoTime();
                result = runs.train(trial, rung, budgets.get(rung));
                time.spend((System.nanoTime() - start) / 1e9);
            }
            if (result.ok()) {
                out.printf("  validation Recall %.4f  MRR %.4f  (best epoch %d of %d)%n", result.recall(),
                        result.mrr(), result.bestEpoch(), result.epochs());
            }
            results.get(trial).put(rung, result);
            writeTable();
        }
    }

    /** The {@code n} best trials of {@code racing} that finished {@code rung}. */
    private List<Trial> best(List<Trial> racing, int rung, int n) {
        return ranked(racing, rung).stream().filter(e -> e.getValue().ok()).limit(n).map(Map.Entry::getKey)
                .toList();
    }

    private List<Map.Entry<Trial, RungResult>> ranked(List<Trial> among, int rung) {
        List<Map.Entry<Trial, RungResult>> entries = new ArrayList<>();
        for (Trial t : among) {
            RungResult r = results.get(t).get(rung);
            if (r != null) {
                entries.add(Map.entry(t, r));
            }
        }
        entries.sort(RANKING);
        return entries;
    }

    /** The best trial of the highest rung any trial finished. */
    TrialOutcome winner() {
        return outcome(winningTrial());
    }

    private Trial winningTrial() {
        for (int rung = budgets.size() - 1; rung >= 0; rung--) {
            List<Map.Entry<Trial, RungResult>> ranked = ranked(trials, rung);
            if (!ranked.isEmpty() && ranked.get(0).getValue().ok()) {
                return ranked.get(0).getKey();
            }
        }
        throw new IllegalStateException("no trial finished training (see the failures in " + dir.resolve("runs")
                + "/*/run.json)");
    }

    /** Every trial with its results and status, in trial order. */
    List<TrialOutcome> outcomes() {
        return trials.stream().map(this::outcome).toList();
    }

    private TrialOutcome outcome(Trial trial) {
        return new TrialOutcome(trial, List.copyOf(results.get(trial).values()), status(trial));
    }

    private String status(Trial trial) {
        Map<Integer, RungResult> mine = results.get(trial);
        RungResult last = mine.values().stream().max(Comparator.comparingInt(RungResult::rung)).orElse(null);
        if (last != null && !last.ok()) {
            return "failed_r" + last.rung();
        }
        if (over && last != null && winningTrial().equals(trial)) {
            return "best";
        }
        if (last == null || admitted.getOrDefault(trial, 0) > last.rung()) {
            return "pending";
        }
        if (last.rung() == budgets.size() - 1) {
            return "completed";
        }
        return last.rung() <= decided ? "pruned_r" + last.rung() : "pending";
    }

    private void writeTable() throws IOException {
        TrialsTable.write(outcomes(), search, budgets, dir.resolve(TrialsTable.FILE_NAME));
    }

    /** Stops between trials on Ctrl-C. */
    private static void checkNotInterrupted(String next) {
        if (StopRequest.isRequested()) {
            throw new GridInterruptedException("interrupted before " + next + "; rerun the same tune command to "
                    + "continue the search");
        }
    }
}
