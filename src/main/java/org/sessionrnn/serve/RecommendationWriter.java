package org.sessionrnn.serve;

import java.io.PrintWriter;
import java.util.List;

/** Prints recommendations, one line per session: CSV with a header, or JSON lines. */
public final class RecommendationWriter {
    /** Output formats. */
    public enum Format { CSV, JSONL }

    private final PrintWriter out;
    private final Format format;
    private boolean headerDone;

    public RecommendationWriter(PrintWriter out, Format format) {
        this.out = out;
        this.format = format;
    }

    /**
     * Writes the recommendation of input line {@code line} (1-based). CSV columns: {@code line}, {@code items}
     * and {@code scores} (space-separated, best first), {@code skipped} (space-separated unknown ids) and
     * {@code fallback} ({@code popular} or empty).
     */
    public void write(int line, Recommendation r) {
        if (format == Format.JSONL) {
            out.println(RecommendationJson.MAPPER.createObjectNode().put("line", line)
                    .setAll(RecommendationJson.of(r)).toString());
            return;
        }
        if (!headerDone) {
            out.println("line,items,scores,skipped,fallback");
            headerDone = true;
        }
        StringBuilder b = new StringBuilder().append(line).append(',');
        for (int j = 0; j < r.items().length; j++) {
            b.append(j == 0 ? "" : " ").append(r.items()[j]);
        }
        b.append(',');
        for (int j = 0; j < r.scores().length; j++) {
            b.append(j == 0 ? "" : " ").append(Float.toString(r.scores()[j]));
        }
        b.append(',').append(String.join(" ", csvSafe(r.skipped()))).append(',').append(r.popular() ? "popular" : "");
        out.println(b);
    }

    /** Skipped tokens may hold anything the input line held except separators; quotes would break the CSV. */
    private static List<String> csvSafe(List<String> tokens) {
        return tokens.stream().map(t -> t.replace('"', '_')).toList();
    }

    public void flush() {
        out.flush();
    }
}
