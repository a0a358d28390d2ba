package org.sessionrnn.data;

import java.util.Arrays;
import java.util.List;

/**
 * The column names of a header line, for readers that locate columns by name.
 */
final class HeaderColumns {
    private final LineSource source;
    private final List<String> names;

    private HeaderColumns(LineSource source, List<String> names) {
        this.source = source;
        this.names = names;
    }

    /** Reads the current line of {@code source} as a header split by {@code delimiter}. */
    static HeaderColumns read(LineSource source, char delimiter) {
        Fields fields = new Fields(delimiter);
        String[] names = new String[fields.split(source.line())];
        Arrays.setAll(names, fields::text);
        return new HeaderColumns(source, List.of(names));
    }

    int count() {
        return names.size();
    }

    /** The index of a named column; fails naming the header and the expected layout when it is missing. */
    int indexOf(String name, String expectedLayout) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw source.error("header '" + LineSource.quote(source.line()) + "' has no column '" + name
                    + "' (expected " + expectedLayout + ")");
        }
        if (names.lastIndexOf(name) != i) {
            throw source.error("header '" + LineSource.quote(source.line()) + "' has the column '" + name
                    + "' twice; which one is meant is ambiguous (expected " + expectedLayout + ")");
        }
        return i;
    }
}
