package org.sessionrnn.data;

import java.nio.file.Path;

/**
 * Reads GRU4Rec's preprocessed tab-separated files: a header naming {@code SessionId}, {@code ItemId} and
 * {@code Time} (in any order, further columns allowed) and {@code Time} in epoch seconds with a decimal
 * fraction, e.g. {@code 1396332318.365}. GRU4Rec ships such files as an already split train/test pair.
 */
public final class Gru4recTsvReader {
    private static final String LAYOUT = "SessionId<TAB>ItemId<TAB>Time";

    private Gru4recTsvReader() {
    }

    /** Streams the file into a click log; a missing header column or malformed row raises a DataException. */
    public static ClickLog read(Path file) {
        try (LineSource source = LineSource.open(file)) {
            if (!source.next()) {
                throw new DataException(file + ": empty file (expected a header " + LAYOUT + " and data rows)");
            }
            HeaderColumns header = HeaderColumns.read(source, '\t');
            ClickColumns columns = new ClickColumns('\t', header.count(), header.indexOf("SessionId", LAYOUT),
                    header.indexOf("ItemId", LAYOUT), header.indexOf("Time", LAYOUT), -1,
                    new TimeParser.EpochSeconds(), LAYOUT);
            return new ClickRowParser(source, columns).parseAll();
        }
    }
}
