package org.sessionrnn.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sessionrnn.export.ExportedModel;
import org.sessionrnn.export.TinyModels;

/**
 * Thirty kinds of bad request each get their 4xx with a one-line JSON reason, and after every one of them the
 * server still answers a good request.
 */
class BadRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREDICT = "/v1/models/tiny:predict";
    private static ExportedModel model;
    private static ModelServer server;
    private static HttpTestClient client;
    private static String good;

    @BeforeAll
    static void start() throws Exception {
        model = ExportedModel.load(TinyModels.get().exported(TinyModels.M1, 20));
        server = ModelServer.start(new Recommender(model), ServerSettings.defaults("tiny").withPort(0));
        client = new HttpTestClient(server.port());
        good = "{\"instances\": [{\"items\": [" + model.itemId(1) + ", " + model.itemId(2) + "]}]}";
    }

    @AfterAll
    static void stop() {
        server.close();
        model.close();
    }

    private record Case(String name, String method, String path, byte[] body, int status) {
        Case(String name, String method, String path, String body, int status) {
            this(name, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), status);
        }
    }

    private static List<Case> cases() {
        String id = "1";
        List<Case> c = new ArrayList<>();
        c.add(new Case("malformed JSON", "POST", PREDICT, "{\"instances\": [", 400));
        c.add(new Case("empty body", "POST", PREDICT, "", 400));
        c.add(new Case("not JSON at all", "POST", PREDICT, "items=1,2,3", 400));
        c.add(new Case("top level is an array", "POST", PREDICT, "[{\"items\": [1]}]", 400));
        c.add(new Case("top level is a number", "POST", PREDICT, "42", 400));
        c.add(new Case("missing instances", "POST", PREDICT, "{\"k\": 5}", 400));
        c.add(new Case("instances is an object", "POST", PREDICT, "{\"instances\": {\"items\": [1]}}", 400));
        c.add(new Case("instances is empty", "POST", PREDICT, "{\"instances\": []}", 400));
        c.add(new Case("instance is a number", "POST", PREDICT, "{\"instances\": [5]}", 400));
        c.add(new Case("instance without items", "POST", PREDICT, "{\"instances\": [{\"clicks\": [1]}]}", 400));
        c.add(new Case("items is a string", "POST", PREDICT, "{\"instances\": [{\"items\": \"1 2\"}]}", 400));
        c.add(new Case("item is a string", "POST", PREDICT, "{\"instances\": [{\"items\": [\"" + id + "\"]}]}", 400));
        c.add(new Case("item is fractional", "POST", PREDICT, "{\"instances\": [{\"items\": [1.5]}]}", 400));
        c.add(new Case("item is null", "POST", PREDICT, "{\"instances\": [{\"items\": [null]}]}", 400));
        c.add(new Case("item is nested", "POST", PREDICT, "{\"instances\": [{\"items\": [[1, 2]]}]}", 400));
        c.add(new Case("item is boolean", "POST", PREDICT, "{\"instances\": [{\"items\": [true]}]}", 400));
        c.add(new Case("item out of int64 range", "POST", PREDICT,
                "{\"instances\": [{\"items\": [123456789012345678901234567890]}]}", 400));
        c.add(new Case("columnar inputs", "POST", PREDICT, "{\"inputs\": {\"items\": [[1]]}}", 400));
        c.add(new Case("unknown top-level field", "POST", PREDICT, "{\"instances\": [[1]], \"foo\": 1}", 400));
        c.add(new Case("unknown signature", "POST", PREDICT, "{\"signature_name\": \"other\", \"instances\": [[1]]}", 400));
        c.add(new Case("k zero", "POST", PREDICT, "{\"k\": 0, \"instances\": [[1]]}", 400));
        c.add(new Case("k above the export's top", "POST", PREDICT, "{\"k\": 21, \"instances\": [[1]]}", 400));
        c.add(new Case("k is a string", "POST", PREDICT, "{\"k\": \"5\", \"instances\": [[1]]}", 400));
        c.add(new Case("trailing garbage", "POST", PREDICT, good + " }", 400));
        c.add(new Case("duplicate field", "POST", PREDICT, "{\"instances\": [[1]], \"instances\": [[2]]}", 400));
        c.add(new Case("too deeply nested", "POST", PREDICT, "{\"instances\": " + "[".repeat(40) + "]".repeat(40) + "}", 400));
        c.add(new Case("invalid UTF-8", "POST", PREDICT, new byte[]{'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'}, 400));
        c.add(new Case("too many instances", "POST", PREDICT,
                "{\"instances\": [" + String.join(",", java.util.Collections.nCopies(1001, "[1]")) + "]}", 400));
        c.add(new Case("session too long", "POST", PREDICT,
                "{\"instances\": [[" + String.join(",", java.util.Collections.nCopies(1001, "1")) + "]]}", 400));
        c.add(new Case("body too large", "POST", PREDICT, "{\"instances\": [[" + "1,".repeat(600_000) + "1]]}", 413));
        c.add(new Case("unknown model", "POST", "/v1/models/other:predict", good, 404));
        c.add(new Case("unknown version", "POST", "/v1/models/tiny/versions/7:predict", good, 404));
        c.add(new Case("unknown path", "GET", "/v2/predict", (String) null, 404));
        c.add(new Case("empty model name", "GET", "/v1/models/", (String) null, 404));
        c.add(new Case("unsupported verb", "POST", "/v1/models/tiny:classify", good, 400));
        c.add(new Case("GET on predict", "GET", PREDICT, (String) null, 405));
        c.add(new Case("POST on status", "POST", "/v1/models/tiny", good, 405));
        c.add(new Case("DELETE on predict", "DELETE", PREDICT, (String) null, 405));
        c.add(new Case("PUT on health", "PUT", "/healthz", "{}", 405));
        return c;
    }

    @Test
    void everyBadRequestGetsItsStatusAndTheServerKeepsAnswering() throws Exception {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 30, cases.size() + " cases");
        for (Case c : cases) {
            HttpTestClient.Reply r;
            try {
                r = client.send(c.method(), c.path(), c.body());
            } catch (java.io.IOException e) {
                throw new AssertionError(c.name() + ": " + e, e);
            }
            assertEquals(c.status(), r.status(), c.name() + ": " + r.body());
            JsonNode error = JSON.readTree(r.body());
            assertTrue(error.has("error") && error.size() == 1, c.name() + ": " + r.body());
            assertFalse(error.get("error").asText().isBlank() || r.body().trim().contains("\n"), c.name());
            assertGoodRequestAnswers(c.name());
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWithoutAContentLength() throws Exception {
        byte[] big = ("{\"instances\": [[" + "1,".repeat(700_000) + "1]]}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + PREDICT))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        int status;
        try {
            status = client.raw().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            status = 413; // the server may answer and close before the client has sent everything
        }
        assertEquals(413, status);
        assertGoodRequestAnswers("chunked");
    }

    @Test
    void aRequestLineThatIsNotHttpDoesNotStopTheServer() throws Exception {
        String answer = rawExchange("GARBAGE\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(jsonError(answer).contains("malformed request line 'GARBAGE'"), answer);
        assertGoodRequestAnswers("garbage request line");
    }

    /**
     * Requests that the JDK server would refuse with its own HTML page, before any handler, get the JSON error
     * shape of every other refusal; a good request before one on the same connection is answered first.
     */
    @Test
    void requestsTheJdkServerRefusesItselfGetTheJsonShape() throws Exception {
        String head = " HTTP/1.1\r\nHost: x\r\n";
        String brace = rawExchange("GET /v1/models/tiny{x}" + head + "\r\n");
        assertTrue(brace.startsWith("HTTP/1.1 400 "), brace);
        assertTrue(brace.contains("Content-Type: application/json"), brace);
        assertEquals("the path has a character not allowed in a URL, '{' at position 16 of '/v1/models/tiny{x}'; "
                + "percent-encode it (%7B)", jsonError(brace));
        String length = rawExchange("POST " + PREDICT + head + "Content-Length: 12x\r\n\r\n");
        assertTrue(length.startsWith("HTTP/1.1 400 "), length);
        assertEquals("Content-Length '12x' is not a number of bytes", jsonError(length));
        String encoding = rawExchange("POST " + PREDICT + head + "Transfer-Encoding: gzip\r\n\r\n");
        assertTrue(encoding.startsWith("HTTP/1.1 501 "), encoding);
        assertEquals("Transfer-Encoding 'gzip' is not supported (only chunked)", jsonError(encoding));

        String pipelined = rawExchange("GET /healthz" + head + "\r\nGET /{" + head + "\r\n");
        assertTrue(pipelined.startsWith("HTTP/1.1 200 "), pipelined);
        assertTrue(pipelined.indexOf("\"ok\"") < pipelined.indexOf("HTTP/1.1 400 "), pipelined);
        assertGoodRequestAnswers("requests with a raw brace, a bad Content-Length, an unknown Transfer-Encoding");
    }

    /** Sends {@code request} as is on a new connection and returns everything the server sends back. */
    private static String rawExchange(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The "error" of the last answer in {@code answer}. */
    private static String jsonError(String answer) throws Exception {
        return JSON.readTree(answer.substring(answer.lastIndexOf("\r\n\r\n") + 4)).get("error").asText();
    }

    @Test
    void aCompressedBodyIsRefusedNamingItsEncoding() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write(good.getBytes(StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + PREDICT))
                .header("Content-Encoding", "gzip").POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray()))
                .build();
        HttpResponse<String> r = client.raw().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(415, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).get("error").asText().contains("Content-Encoding gzip"), r.body());
        assertGoodRequestAnswers("a gzip body");
    }

    /** Clients that stop mid-body or mid-headers (a wrong Content-Length, a stalled proxy) leave room for others. */
    @Test
    void stalledRequestsDoNotStopTheServerAnsweringOthers() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                String request = i < 20
                        ? "POST " + PREDICT + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"inst"
                        : "POST " + PREDICT + " HTTP/1.1\r\nHost: x\r\n";
                s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            Thread.sleep(1000); // the server has taken them all up
            long start = System.nanoTime();
            assertGoodRequestAnswers("24 stalled requests");
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "answered while others stall");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    /** A request whose body stops arriving has its connection closed once the request time limit has passed. */
    @Test
    @Tag("slow")
    void aStalledRequestIsClosedAfterTheRequestTimeLimit() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout((int) (ModelServer.REQUEST_SECONDS + 15) * 1000);
            long start = System.nanoTime();
            s.getOutputStream().write(("POST " + PREDICT + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            byte[] answer = s.getInputStream().readAllBytes(); // returns when the server closes the connection
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(0, answer.length, new String(answer, StandardCharsets.UTF_8));
            assertTrue(seconds >= ModelServer.REQUEST_SECONDS - 1 && seconds < ModelServer.REQUEST_SECONDS + 10,
                    "closed after " + seconds + " s");
        }
        assertGoodRequestAnswers("a request closed for taking too long");
    }

    @Test
    void statusHealthAndMetadataAnswer() throws Exception {
        HttpTestClient.Reply status = client.get("/v1/models/tiny");
        assertEquals(200, status.status());
        assertEquals("AVAILABLE", JSON.readTree(status.body()).at("/model_version_status/0/state").asText());
        assertEquals(200, client.get("/v1/models/tiny/versions/1").status());
        assertEquals("ok", JSON.readTree(client.get("/healthz").body()).get("status").asText());
        JsonNode meta = JSON.readTree(client.get("/v1/models/tiny/metadata").body());
        assertEquals("m1", meta.at("/metadata/model").asText());
    }

    private static void assertGoodRequestAnswers(String after) throws Exception {
        HttpTestClient.Reply r = client.post(PREDICT, good);
        assertEquals(200, r.status(), "after '" + after + "': " + r.body());
        assertEquals(20, JSON.readTree(r.body()).at("/predictions/0/items").size());
    }
}
