package org.sessionrnn.spec;

/**
 * Columns and formats of a generic delimited clicks file.
 *
 * @param delimiter     field separator, e.g. "," ";" or "\t"
 * @param header        whether the first line is a header (columns may then be given by name)
 * @param sessionColumn session id column: a header name or a 0-based index
 * @param itemColumn    item id column
 * @param timeColumn    time column
 * @param timeFormat    {@code epoch_seconds}, {@code epoch_millis}, {@code iso} (ISO-8601 instant),
 *                      {@code date} (yyyy-MM-dd) or a {@link java.time.format.DateTimeFormatter} pattern
 * @param orderColumn   optional column ordering clicks inside one time value (e.g. DIGINETICA's timeframe);
 *                      null when absent
 */
public record CsvSpec(String delimiter, boolean header, String sessionColumn, String itemColumn, String timeColumn,
                      String timeFormat, String orderColumn) {
    /** The spec defaults: comma separated with a header, columns session_id, item_id, timestamp (ISO-8601). */
    public static final CsvSpec DEFAULT = new CsvSpec(",", true, "session_id", "item_id", "timestamp", "iso", null);
}
