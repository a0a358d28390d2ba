package org.sessionrnn.report;

import org.sessionrnn.results.RunKey;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Summary rows grouped by {@link RunKey}: a metric's mean, sample standard deviation and count over seeds. */
public final class SeedGroups {
    private SeedGroups() {
    }

    /**
     * A metric over the seeds of one grid point.
     *
     * @param mean mean over seeds
     * @param sd   sample standard deviation (0 for one seed)
     * @param n    number of seeds
     */
    public record Stats(double mean, double sd, long n) {
    }

    /** The key of a summary row: (variant, gru_size, fraction). */
    public static RunKey keyOf(Row row) {
        return RunKey.of(row.getString("variant"), row.getInt("gru_size"), row.getString("fraction"));
    }

    /** Groups the rows of {@code summary} by key and summarises {@code metric}, skipping missing values. */
    public static SortedMap<RunKey, Stats> of(Table summary, String metric) {
        Map<RunKey, SummaryStatistics> groups = new TreeMap<>();
        for (Row row : summary) {
            double value = row.getNumber(metric);
            if (!Double.isNaN(value)) {
                groups.computeIfAbsent(keyOf(row), k -> new SummaryStatistics()).addValue(value);
            }
        }
        SortedMap<RunKey, Stats> stats = new TreeMap<>();
        groups.forEach((k, s) -> stats.put(k, new Stats(s.getMean(), s.getStandardDeviation(), s.getN())));
        return stats;
    }
}
