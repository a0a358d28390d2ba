package org.sessionrnn.report;

import org.sessionrnn.io.AtomicFiles;
import org.sessionrnn.results.RunKey;
import org.sessionrnn.spec.Fraction;
import org.sessionrnn.spec.ProtocolSpec;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.stream.IntStream;

/**
 * This run beside a published session-based leaderboard (SR-GNN's protocol: YOOCHOOSE 1/64, YOOCHOOSE 1/4,
 * DIGINETICA), as {@code leaderboard.csv} and {@code leaderboard.md}.
 *
 * <p>Our rows: one per variant and GRU size, at the largest training fraction it ran (1 where present; m2 never
 * runs at 1), Recall@20 and MRR@20 in % in the conservative tie mode, mean and sample standard deviation over the
 * seeds done there. The published rows, each with its source, are shipped as {@code leaderboards.csv} next to
 * this class. All rows are sorted by Recall@20, then MRR@20, descending.
 *
 * <p>{@code auto} picks the published set whose data matches the run's: the same number of items (every id 1..max,
 * SR-GNN's {@code n_node - 1}) and of test prefixes, and among those the nearest number of training prefixes
 * (YOOCHOOSE 1/64 and 1/4 share their test day), by SR-GNN's Table 1 statistics in {@code leaderboard-data.csv}.
 * When none matches, the leaderboard lists this run's rows alone and says which data it saw.
 *
 * <p>The CSV's columns: {@code name, kind} (ours, published, or reference: an implementation measured elsewhere
 * than in its paper), {@code recall_at_20, recall_at_20_sd, mrr_at_20, mrr_at_20_sd} (%; the sd only for ours with
 * several seeds), {@code seeds, ties, fraction, variant, model, gru_size} (ours only), {@code source, note}.
 */
public final class Leaderboard {
    /** CSV file name. */
    public static final String CSV = "leaderboard.csv";
    /** Markdown file name. */
    public static final String MD = "leaderboard.md";
    /** Kind of a row of this run. */
    public static final String OURS = "ours";
    /** Kind of a row taken from a paper. */
    public static final String PUBLISHED = "published";
    /** Kind of a row measured with another implementation, not published. */
    public static final String REFERENCE = "reference";

    private static final String RESOURCE = "leaderboards.csv";
    private static final String DATA_RESOURCE = "leaderboard-data.csv";
    private static final String TIES = "conservative";
    private static final Map<String, String> TITLES = Map.of("yoochoose1_64", "YOOCHOOSE 1/64",
            "yoochoose1_4", "YOOCHOOSE 1/4", "diginetica", "DIGINETICA");

    private Leaderboard() {
    }

    /** The published (and reference) rows of {@code leaderboard}, in file order, as a leaderboard table. */
    public static Table published(String leaderboard) {
        Table all = resource();
        Table t = empty();
        for (Row r : all) {
            if (r.getString("leaderboard").equals(leaderboard)) {
                append(t, r.getString("name"), r.getString("kind"), r.getDouble("recall_at_20"), Double.NaN,
                        r.getDouble("mrr_at_20"), Double.NaN, null, r.getString("source"), r.getString("note"));
            }
        }
        if (t.rowCount() == 0) {
            throw new IllegalArgumentException("no published rows for leaderboard " + leaderboard);
        }
        return t;
    }

    /** The names of the leaderboards with published rows, in file order. */
    public static List<String> names() {
        return List.copyOf(new java.util.LinkedHashSet<>(resource().stringColumn("leaderboard").asList()));
    }

    /**
     * The published set {@code auto} picks for a summary's data: equal items and test prefixes, then the nearest
     * training-prefix count (training plus validation prefixes of the largest done run, counted once for a refit
     * run); empty when none matches.
     */
    public static Optional<String> matching(Table summary) {
        Table done = SummaryTable.done(summary);
        if (done.rowCount() == 0) {
            return Optional.empty();
        }
        DataSignature seen = signature(done);
        String best = null;
        double nearest = Double.POSITIVE_INFINITY;
        for (Row r : dataResource()) {
            if (r.getInt("items") == seen.items() && r.getLong("test_prefixes") == seen.testPrefixes()) {
                double distance = Math.abs(Math.log((double) r.getLong("train_prefixes") / seen.trainPrefixes()));
                if (distance < nearest) {
                    nearest = distance;
                    best = r.getString("leaderboard");
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Items, test prefixes and training prefixes (with the validation hold-out) of a summary's done runs. A refit
     * run's training sequences already include its hold-out, which it still reports as validation sequences.
     */
    private static DataSignature signature(Table done) {
        long train = 0;
        for (Row r : done) {
            long heldOut = r.isMissing("refit_epochs") ? r.getLong("validation_sequences") : 0;
            train = Math.max(train, r.getLong("train_sequences") + heldOut);
        }
        return new DataSignature((int) done.intColumn("items").max(), (long) done.longColumn("test_sequences").max(),
                Math.max(1, train));
    }

    /** What {@link #matching} compares. */
    private record DataSignature(int items, long testPrefixes, long trainPrefixes) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,d items, %,d test prefixes, %,d training prefixes", items,
                    testPrefixes, trainPrefixes);
        }
    }

    /** Our rows of a summary (done runs at cutoff 20) and the published rows of {@code leaderboard}, sorted. */
    public static Table table(Table summary, String leaderboard) {
        return table(summary, Optional.of(leaderboard));
    }

    /** As {@link #table(Table, String)}; with no leaderboard, our rows alone. */
    private static Table table(Table summary, Optional<String> leaderboard) {
        Table t = leaderboard.map(Leaderboard::published).orElseGet(Leaderboard::empty);
        Table done = SummaryTable.done(summary);
        done = done.where(done.intColumn("cutoff").isEqualTo(ProtocolSpec.LEADERBOARD_CUTOFF));
        SortedMap<RunKey, SeedGroups.Stats> recall = SeedGroups.of(done, "recall_conservative");
        SortedMap<RunKey, SeedGroups.Stats> mrr = SeedGroups.of(done, "mrr_conservative");
        Map<String, String> models = new LinkedHashMap<>();
        done.forEach(r -> models.put(r.getString("variant"), r.getString("model")));
        largestFractions(recall).forEach(key -> {
            SeedGroups.Stats rs = recall.get(key);
            SeedGroups.Stats ms = mrr.get(key);
            append(t, name(key), OURS, 100 * rs.mean(), sd(rs), 100 * ms.mean(), sd(ms), key, "this run", "");
            int row = t.rowCount() - 1;
            t.intColumn("seeds").set(row, (int) rs.n());
            t.stringColumn("ties").set(row, TIES);
            t.stringColumn("model").set(row, models.get(key.name()));
        });
        return sorted(t);
    }

    /**
     * Writes {@link #CSV} and {@link #MD} into {@code dir}; {@code leaderboard} may be
     * {@link ProtocolSpec#AUTO_LEADERBOARD}, which picks it by the data ({@link #matching}).
     */
    public static void write(Table summary, String leaderboard, Fraction dataFraction, Path dir) throws IOException {
        Optional<String> chosen = leaderboard.equals(ProtocolSpec.AUTO_LEADERBOARD) ? matching(summary)
                : Optional.of(leaderboard);
        Table t = table(summary, chosen);
        TableCsv.write(t, dir.resolve(CSV));
        String md = chosen.isPresent() ? markdown(t, chosen.get(), dataFraction)
                : unmatched(t, dataFraction, SummaryTable.done(summary));
        AtomicFiles.writeString(dir.resolve(MD), md);
    }

    /** The Markdown of a run whose data matches no published set: our rows, and the data it saw. */
    static String unmatched(Table t, Fraction dataFraction, Table done) {
        String seen = done.rowCount() == 0 ? "no done runs yet" : signature(done).toString();
        String md = markdown(t, null, dataFraction);
        int body = md.indexOf("\n\n") + 2;
        return md.substring(0, body) + "No published leaderboard is known for this data (" + seen
                + "); the published sets are " + String.join(", ", names()) + ", so the rows are this run's alone.\n\n"
                + md.substring(body);
    }

    /** The leaderboard as Markdown: the table, then the protocol differences and the notes of its rows. */
    public static String markdown(Table t, String leaderboard, Fraction dataFraction) {
        AlignedTable md = new AlignedTable(List.of("#", "Model", "Recall@20 (%)", "MRR@20 (%)", "Seeds",
                "Fraction", "Source"));
        List<String> notes = new ArrayList<>();
        for (Row r : t) {
            boolean ours = r.getString("kind").equals(OURS);
            String name = ours ? "**" + r.getString("name") + "**" : r.getString("name");
            String source = ours ? "this run" : r.getString("source");
            if (!r.getString("note").isEmpty()) {
                notes.add(r.getString("name") + ": " + r.getString("note") + ".");
                source += " (note " + notes.size() + ")";
            }
            md.add(List.of(Integer.toString(r.getRowNumber() + 1), name,
                    Format.meanSd(r.getDouble("recall_at_20"), r.getDouble("recall_at_20_sd"), 2),
                    Format.meanSd(r.getDouble("mrr_at_20"), r.getDouble("mrr_at_20_sd"), 2),
                    ours ? Integer.toString(r.getInt("seeds")) : Format.MISSING,
                    ours ? fraction(r.getString("fraction"), dataFraction) : Format.MISSING, source));
        }
        String heading = leaderboard == null ? "this data" : title(leaderboard);
        StringBuilder out = new StringBuilder("# Leaderboard: " + heading + "\n\n" + md.markdown());
        out.append("\nSorted by Recall@20, then MRR@20. **Bold** rows are this run's: mean ± sample standard deviation"
                + " over the seeds done (no ± with one seed), in the conservative tie mode (items scoring as high as"
                + " the target rank ahead of it, so ties cannot help; the standard mode is in summary.csv), each"
                + " variant at the largest training fraction it ran (1 where present; m2 never runs at 1).");
        if (!dataFraction.equals(Fraction.ONE)) {
            out.append(" Fractions are of the data files, which hold ").append(dataFraction.label())
                    .append(" of the full training set; the share of the full set is in brackets.");
        }
        out.append("\n\nThe protocols differ: published numbers are usually those of the best epoch measured on the"
                + " test set, while every setting and epoch count of ours is chosen on a validation split of the"
                + " training data, and the test set is evaluated once.\n");
        if (t.stringColumn("kind").isEqualTo(OURS).isEmpty()) {
            out.append("\nThis run has no done runs at cutoff ").append(ProtocolSpec.LEADERBOARD_CUTOFF)
                    .append(" yet.\n");
        }
        for (int i = 0; i < notes.size(); i++) {
            out.append(i == 0 ? "\n" : "").append(i + 1).append(". ").append(notes.get(i)).append('\n');
        }
        return out.toString();
    }

    /** The key of each variant and GRU size at its largest fraction. */
    private static List<RunKey> largestFractions(SortedMap<RunKey, SeedGroups.Stats> stats) {
        Map<RunKey, RunKey> largest = new LinkedHashMap<>();
        stats.keySet().forEach(k -> largest.merge(RunKey.anyFraction(k.name(), k.gruSize()), k,
                (a, b) -> a.fractionValue() >= b.fractionValue() ? a : b));
        return List.copyOf(largest.values());
    }

    private static Table sorted(Table t) {
        Comparator<Integer> order = Comparator.<Integer>comparingDouble(i -> -t.doubleColumn("recall_at_20").get(i))
                .thenComparingDouble(i -> -t.doubleColumn("mrr_at_20").get(i))
                .thenComparing(i -> t.stringColumn("name").get(i));
        Table out = t.emptyCopy();
        IntStream.range(0, t.rowCount()).boxed().sorted(order).forEach(i -> out.addRow(i, t));
        return out;
    }

    private static String name(RunKey key) {
        return SummaryTable.isBaseline(key.gruSize()) ? key.name() : key.name() + " (GRU " + key.gruSize() + ")";
    }

    /** A sample standard deviation in %, none (NaN) for a single seed. */
    private static double sd(SeedGroups.Stats s) {
        return s.n() < 2 ? Double.NaN : 100 * s.sd();
    }

    private static String fraction(String label, Fraction dataFraction) {
        if (dataFraction.equals(Fraction.ONE)) {
            return label;
        }
        return label + " (" + Fraction.parse(label).of(dataFraction).label() + ")";
    }

    private static String title(String leaderboard) {
        return TITLES.getOrDefault(leaderboard, leaderboard);
    }

    private static Table empty() {
        return Table.create("leaderboard", StringColumn.create("name"), StringColumn.create("kind"),
                DoubleColumn.create("recall_at_20"), DoubleColumn.create("recall_at_20_sd"),
                DoubleColumn.create("mrr_at_20"), DoubleColumn.create("mrr_at_20_sd"), IntColumn.create("seeds"),
                StringColumn.create("ties"), StringColumn.create("fraction"), StringColumn.create("variant"),
                StringColumn.create("model"), IntColumn.create("gru_size"), StringColumn.create("source"),
                StringColumn.create("note"));
    }

    private static void append(Table t, String name, String kind, double recall, double recallSd, double mrr,
                               double mrrSd, RunKey key, String source, String note) {
        t.stringColumn("name").append(name);
        t.stringColumn("kind").append(kind);
        t.doubleColumn("recall_at_20").append(recall);
        t.doubleColumn("recall_at_20_sd").append(recallSd);
        t.doubleColumn("mrr_at_20").append(mrr);
        t.doubleColumn("mrr_at_20_sd").append(mrrSd);
        t.intColumn("seeds").appendMissing();
        t.stringColumn("ties").append("");
        t.stringColumn("fraction").append(key == null ? "" : key.fractionLabel());
        t.stringColumn("variant").append(key == null ? "" : key.name());
        t.stringColumn("model").append("");
        if (key == null) {
            t.intColumn("gru_size").appendMissing();
        } else {
            t.intColumn("gru_size").append(key.gruSize());
        }
        t.stringColumn("source").append(source);
        t.stringColumn("note").append(note == null ? "" : note);
    }

    private static Table dataResource() {
        try (InputStream in = Leaderboard.class.getResourceAsStream(DATA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + DATA_RESOURCE);
            }
            return TableCsv.read(in, "leaderboard-data", c -> c.equals("leaderboard") ? ColumnType.STRING
                    : c.equals("items") ? ColumnType.INTEGER : ColumnType.LONG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Table resource() {
        try (InputStream in = Leaderboard.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            return TableCsv.read(in, "leaderboards", c -> c.startsWith("recall") || c.startsWith("mrr")
                    ? ColumnType.DOUBLE : ColumnType.STRING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
