package org.sessionrnn.cli;

/**
 * Makes any message safe to print on a terminal as one line: control and format characters (ESC, NUL, line
 * breaks, bidi overrides) are shown escaped, so bytes from a binary file or a pasted value can neither garble
 * the terminal nor split the line; a message longer than a screenful is cut in the middle, where a quoted value
 * sits, keeping the location at its start and the advice at its end.
 */
final class Messages {
    /** Longest message printed in full. */
    static final int MAX_LENGTH = 600;
    private static final int KEEP_END = 150;

    private Messages() {
    }

    /** {@code text} escaped and cut; "unknown problem" for null. */
    static String safe(String text) {
        String escaped = escape(text == null ? "unknown problem" : text);
        if (escaped.length() <= MAX_LENGTH) {
            return escaped;
        }
        int head = MAX_LENGTH - KEEP_END;
        return escaped.substring(0, head) + " ...[" + (escaped.length() - head - KEEP_END) + " characters cut]... "
                + escaped.substring(escaped.length() - KEEP_END);
    }

    /** Control and format characters as {@code \n}, {@code \t}, {@code \r} or {@code \\uXXXX}. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || c == '\uFFFD';
    }
}
