package org.sessionrnn.spec;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.sessionrnn.io.Limits;

/** Reads and checks the {@code data} section of a spec into a {@link DataSpec}. */
final class DataSectionReader {
    private static final List<String> TIME_FORMATS = List.of("epoch_seconds", "epoch_millis", "iso", "date");
    private static final Interval UNIT_LEFT_CLOSED = new Interval(0, true, 1, false);

    private DataSectionReader() {
    }

    static DataSpec read(Section data) {
        String source = data.choice("source", "synthetic", Schema.SOURCES, "data source");
        List<String> used = Schema.dataKeys(source);
        data.checkKeys(Schema.DATA_KEYS, used::contains, "data source " + source);
        String why = " (data source " + source + " reads it)";
        Path path = used.contains("path") ? data.file("path", null, why) : null;
        Path train = used.contains("train") ? data.file("train", null, why) : null;
        Path test = used.contains("test") ? data.file("test", null, why) : null;
        if (train != null && train.equals(test)) {
            throw data.value("test").error("'" + test + "' is also data.train; testing on the training sessions "
                    + "measures nothing: give the test file");
        }
        SyntheticSpec synthetic = used.contains("synthetic") ? synthetic(data.section("synthetic")) : null;
        CsvSpec csv = used.contains("csv") ? csv(data.section("csv")) : null;
        PreprocessSpec preprocess = used.contains("preprocess")
                ? preprocess(data.section("preprocess"), synthetic) : PreprocessSpec.RSC15;
        return new DataSpec(source, path, train, test, synthetic, csv, preprocess);
    }

    private static SyntheticSpec synthetic(Section s) {
        s.checkKeys(Schema.SYNTHETIC_KEYS, key -> true, "");
        SyntheticSpec d = SyntheticSpec.DEFAULT;
        long clicks = s.longValue("clicks", d.clicks(), Interval.AT_LEAST_ONE);
        if (clicks > Limits.maxClicks()) {
            throw s.value("clicks").error(clicks + " clicks need at least " + Limits.bytes(clicks
                    * Limits.HEAP_BYTES_PER_CLICK) + " of Java heap, more than its maximum "
                    + Limits.bytes(Limits.heapBytes()) + "; lower data.synthetic.clicks or give Java more heap "
                    + "(java -Xmx...)");
        }
        int items = s.integer("items", d.items(), Interval.upTo(1, Limits.MAX_ITEMS));
        int clusters = s.integer("clusters", d.clusters(), new Interval(1, true, items, true));
        int days = s.integer("days", d.days(), Interval.atLeast(2));
        double noise = s.decimal("noise", d.noise(), UNIT_LEFT_CLOSED);
        double drift = s.decimal("drift", d.drift(), Interval.UNIT_CLOSED);
        long seed = s.longValue("seed", d.seed(), Interval.NON_NEGATIVE);
        return new SyntheticSpec(clicks, items, clusters, days, noise, drift, seed);
    }

    private static PreprocessSpec preprocess(Section s, SyntheticSpec synthetic) {
        s.checkKeys(Schema.PREPROCESS_KEYS, key -> true, "");
        PreprocessSpec d = PreprocessSpec.RSC15;
        int minLength = s.integer("min_session_length", d.minSessionLength(), Interval.AT_LEAST_ONE);
        int minSupport = s.integer("min_item_support", d.minItemSupport(), Interval.AT_LEAST_ONE);
        Interval testRange = synthetic == null ? Interval.POSITIVE
                : new Interval(0, false, synthetic.days(), false);
        double testDays = s.decimal("test_days", d.testDays(), testRange);
        return new PreprocessSpec(minLength, minSupport, testDays);
    }

    private static CsvSpec csv(Section s) {
        s.checkKeys(Schema.CSV_KEYS, key -> true, "");
        CsvSpec d = CsvSpec.DEFAULT;
        String delimiter = s.has("delimiter") ? delimiter(s.value("delimiter")) : d.delimiter();
        boolean header = s.bool("header", d.header());
        String session = column(s, "session", d.sessionColumn(), header);
        String item = column(s, "item", d.itemColumn(), header);
        String time = column(s, "time", d.timeColumn(), header);
        String format = s.has("time_format") ? timeFormat(s.value("time_format")) : d.timeFormat();
        String order = s.has("order") ? column(s, "order", null, header) : null;
        return new CsvSpec(delimiter, header, session, item, time, format, order);
    }

    private static String delimiter(Value value) {
        String text = value.asText();
        if (text.isEmpty()) {
            throw value.error("must not be empty");
        }
        if (text.length() != 1 && !"\\t".equals(text) && !"tab".equalsIgnoreCase(text)) {
            throw value.error("'" + text + "' is not a single character (e.g. \",\", \";\" or \"\\t\")");
        }
        return text;
    }

    /** A header name or a 0-based index; without a header only indexes can work. */
    private static String column(Section s, String key, String fallback, boolean header) {
        if (!s.has(key) && !header) {
            throw s.missing(key, " (data.csv.header is false, so columns must be 0-based indexes)");
        }
        String column = s.text(key, fallback);
        if (!header && !column.matches("\\d+")) {
            throw s.value(key).error("'" + column + "' is a column name, but data.csv.header is false; "
                    + "use a 0-based column index");
        }
        return column;
    }

    private static String timeFormat(Value value) {
        String text = value.asText();
        if (TIME_FORMATS.contains(text)) {
            return text;
        }
        try {
            DateTimeFormatter.ofPattern(text);
            return text;
        } catch (IllegalArgumentException e) {
            throw value.error("'" + text + "' is neither one of " + String.join(", ", TIME_FORMATS)
                    + " nor a valid DateTimeFormatter pattern (" + e.getMessage() + ")");
        }
    }
}
