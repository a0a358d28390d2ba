package org.sessionrnn.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sessionrnn.cli.Main;
import org.sessionrnn.data.Dataset;
import org.sessionrnn.data.SessionTable;
import org.sessionrnn.export.ExportedModel;
import org.sessionrnn.export.TinyModels;

/**
 * {@code recommend --format jsonl} and the HTTP server give the same items, scores, skipped ids and fallbacks
 * for the same sessions: real test sessions, one with an unknown id, an empty one, one of unknown ids only, one
 * longer than the model's 19 steps.
 */
@Tag("floats")
class RecommendServeAgreementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void recommendAndServeAgreeOnTheSameSessions() throws Exception {
        TinyModels tiny = TinyModels.get();
        Path export = tiny.exported(TinyModels.M4, 20);
        List<long[]> sessions = sessions(tiny.dataset());
        Path input = tmp.resolve("sessions.txt");
        StringBuilder lines = new StringBuilder();
        for (long[] s : sessions) {
            lines.append(String.join(" ", java.util.Arrays.stream(s).mapToObj(Long::toString).toList())).append('\n');
        }
        Files.writeString(input, lines);
        List<JsonNode> fromCli = recommendCli(export, input);
        assertEquals(sessions.size(), fromCli.size());

        try (ExportedModel model = ExportedModel.load(export);
             ModelServer server = ModelServer.start(new Recommender(model),
                     ServerSettings.defaults("tiny").withPort(0).withDefaultK(10))) {
            StringBuilder body = new StringBuilder("{\"instances\": [");
            for (int i = 0; i < sessions.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"items\": ").append(JSON.writeValueAsString(sessions.get(i)))
                        .append('}');
            }
            body.append("]}");
            HttpTestClient.Reply reply = new HttpTestClient(server.port()).post("/v1/models/tiny:predict", body.toString());
            assertEquals(200, reply.status(), reply.body());
            JsonNode predictions = JSON.readTree(reply.body()).get("predictions");
            assertEquals(sessions.size(), predictions.size());
            for (int i = 0; i < sessions.size(); i++) {
                JsonNode cli = fromCli.get(i);
                assertEquals(i + 1, cli.get("line").asInt());
                ((com.fasterxml.jackson.databind.node.ObjectNode) cli).remove("line");
                // one request alone in the batcher is the same batch as recommend's, so the scores are exact
                assertEquals(cli, predictions.get(i), "session " + i);
                assertEquals(10, cli.get("items").size());
            }
        }
        // the planted cases came out as documented
        JsonNode unknownOne = fromCli.get(sessions.size() - 4);
        assertEquals("[\"987654321\"]", unknownOne.get("skipped").toString());
        assertFalse(unknownOne.has("fallback"));
        assertEquals("popular", fromCli.get(sessions.size() - 3).get("fallback").asText());
        JsonNode allUnknown = fromCli.get(sessions.size() - 2);
        assertEquals("popular", allUnknown.get("fallback").asText());
        assertEquals(2, allUnknown.get("skipped").size());
        assertTrue(fromCli.get(sessions.size() - 1).get("items").size() == 10);
    }

    /** 40 real test sessions, then the planted ones: unknown id, empty, all unknown, 30 clicks. */
    private static List<long[]> sessions(Dataset data) {
        SessionTable test = data.test();
        List<long[]> out = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            long[] ids = new long[test.length(s)];
            for (int j = 0; j < ids.length; j++) {
                ids[j] = data.items().rawId(test.item(test.offset(s) + j));
            }
            out.add(ids);
        }
        long[] withUnknown = out.get(0).clone();
        withUnknown[0] = 987654321L;
        out.add(withUnknown);
        out.add(new long[0]);
        out.add(new long[]{987654321L, -5L});
        long[] longSession = new long[30];
        for (int j = 0; j < 30; j++) {
            longSession[j] = data.items().rawId(j % data.items().size());
        }
        out.add(longSession);
        return out;
    }

    private static List<JsonNode> recommendCli(Path export, Path input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            code = Main.execute(new String[]{"recommend", export.toString(), "--input", input.toString(), "-k", "10",
                    "--format", "jsonl"}, o, System.err);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        List<JsonNode> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }
}
