package org.sessionrnn.io;

import java.util.regex.Pattern;

/**
 * A JSON or YAML parser's message as a user can act on it: the first line, without the parser's advice to its
 * programmer (which feature to enable, which constraint class sets a limit, that the source is redacted, its token
 * names) and with Java types by their simple name.
 */
public final class ParserMessages {
    private static final Pattern ENABLE = Pattern.compile(":? ?\\(?enable `[^`]*` to allow\\)?");
    private static final Pattern FROM = Pattern.compile("\\s*\\(from `[^`]*`\\)|, from `[^`]*`");
    private static final Pattern TOKEN = Pattern.compile("\\s*\\(token `[^`]*`\\)");
    private static final Pattern QUOTED_TYPE = Pattern.compile("`(?:[A-Za-z0-9_]+\\.)*([^`.]+)`");
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^;\\]]*; (line: \\d+, column: \\d+)]");

    private ParserMessages() {
    }

    /** The first line of {@code message} without programmer advice; {@code fallback} when there is none. */
    public static String plain(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String first = message.strip().lines().findFirst().orElse(fallback);
        String text = first;
        for (Pattern dropped : new Pattern[] {ENABLE, FROM, TOKEN}) {
            text = dropped.matcher(text).replaceAll("");
        }
        text = QUOTED_TYPE.matcher(SOURCE.matcher(text).replaceAll("[$1]")).replaceAll("'$1'");
        return text.isBlank() ? fallback : text.strip();
    }
}
