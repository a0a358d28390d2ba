package org.sessionrnn.data;

/**
 * Splits a line into field bounds without creating substrings, and parses numbers straight from those bounds:
 * the readers handle tens of millions of lines, so the hot path allocates nothing per field. Surrounding
 * whitespace and double quotes are ignored; quoted delimiters are not supported.
 */
final class Fields {
    private final char delimiter;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int count;
    private String line;

    Fields(char delimiter) {
        this.delimiter = delimiter;
    }

    /** Splits {@code text} and returns the number of fields. */
    int split(String text) {
        line = text;
        count = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == delimiter) {
                addField(start, i);
                start = i + 1;
            }
        }
        return count;
    }

    private void addField(int start, int end) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        while (start < end && Character.isWhitespace(line.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        if (end - start >= 2 && line.charAt(start) == '"' && line.charAt(end - 1) == '"') {
            start++;
            end--;
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    int count() {
        return count;
    }

    String line() {
        return line;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }

    String text(int field) {
        return line.substring(starts[field], ends[field]);
    }

    /** Parses a field as a decimal integer, throwing {@link NumberFormatException} when it is not one. */
    long parseLong(int field) {
        return parseLong(line, starts[field], ends[field]);
    }

    static long parseLong(String s, int start, int end) {
        boolean negative = start < end && s.charAt(start) == '-';
        int i = negative ? start + 1 : start;
        if (i == end || end - i > 18) {
            return Long.parseLong(s.substring(start, end));
        }
        long value = 0;
        for (; i < end; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new NumberFormatException(s.substring(start, end));
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }
}
