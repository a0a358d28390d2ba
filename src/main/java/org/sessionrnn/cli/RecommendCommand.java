package org.sessionrnn.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sessionrnn.export.ExportedModel;
import org.sessionrnn.serve.Recommendation;
import org.sessionrnn.serve.RecommendationWriter;
import org.sessionrnn.serve.Recommender;
import org.sessionrnn.serve.SessionInput;
import org.sessionrnn.serve.SessionLines;
import org.sessionrnn.io.FileSniffer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code recommend MODEL_DIR}: top-k next items for sessions read one per line. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend the next items for sessions (one per line: item ids separated by spaces or commas) "
                + "read from a file or stdin, with an exported model.")
final class RecommendCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    ExportFolder export;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Sessions file (default: stdin)")
    Path input;

    @Option(names = "-k", defaultValue = "20", description = "Items per session (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|jsonl", description = "Output format (default: ${DEFAULT-VALUE})")
    String format;

    @Override
    public Integer call() throws Exception {
        RecommendationWriter.Format f = switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> RecommendationWriter.Format.CSV;
            case "jsonl" -> RecommendationWriter.Format.JSONL;
            default -> throw new UsageException("--format must be csv or jsonl, got '" + format + "'");
        };
        if (input != null && !Files.isRegularFile(input)) {
            throw new UsageException("--input " + input + (Files.isDirectory(input) ? ": is a folder, not a file"
                    : ": no such file"));
        }
        if (input != null) {
            FileSniffer.problem(input).ifPresent(problem -> {
                throw new UsageException("--input " + input + ": " + problem + "; sessions are text, one per line");
            });
        }
        export.checkK(k);
        try (ExportedModel model = ExportedModel.load(export.dir)) {
            Recommender recommender = new Recommender(model);
            PrintWriter out = new PrintWriter(main.out(), false, StandardCharsets.UTF_8);
            RecommendationWriter writer = new RecommendationWriter(out, f);
            try (Reader in = input != null ? Files.newBufferedReader(input, StandardCharsets.UTF_8)
                    : new InputStreamReader(System.in, StandardCharsets.UTF_8)) {
                run(new SessionLines(in, input != null ? "--input " + input : "stdin", SessionLines.MAX_CHARS),
                        recommender, writer);
            }
            writer.flush();
        }
        return 0;
    }

    /** Reads sessions in batches, so a long input streams through with bounded memory. */
    private void run(SessionLines in, Recommender recommender, RecommendationWriter writer) throws IOException {
        List<SessionInput> batch = new ArrayList<>();
        int line = 0;
        for (String text = in.next(); text != null; text = in.next()) {
            batch.add(SessionInput.parse(text));
            if (batch.size() == Recommender.MAX_ROWS) {
                line = flush(batch, line, recommender, writer);
            }
        }
        flush(batch, line, recommender, writer);
    }

    private int flush(List<SessionInput> batch, int line, Recommender recommender, RecommendationWriter writer) {
        List<Recommendation> recs = recommender.recommend(batch, k);
        for (Recommendation r : recs) {
            writer.write(++line, r);
        }
        batch.clear();
        return line;
    }
}
