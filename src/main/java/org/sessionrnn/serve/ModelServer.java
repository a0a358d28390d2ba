package org.sessionrnn.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP front for one exported model with TF Serving's REST paths and shapes, on the JDK's own
 * {@code com.sun.net.httpserver} (no dependency to add; the server is a thin layer over the batcher, whose model
 * call dominates every request):
 *
 * <ul>
 *   <li>{@code POST /v1/models/NAME[/versions/V]:predict} with {@code {"instances": [{"items": [...]}, ...]}}
 *       answers {@code {"predictions": [{"items": [...], "scores": [...]}, ...]}}</li>
 *   <li>{@code GET /v1/models/NAME[/versions/V]}: the version status, as TF Serving's</li>
 *   <li>{@code GET /v1/models/NAME[/versions/V]/metadata}: model.json and the signature</li>
 *   <li>{@code GET /healthz}: {@code {"status": "ok"}}</li>
 * </ul>
 *
 * Every refused request gets a 4xx (or a 503 when the queue is full) with {@code {"error": "one line"}}; no
 * request can stop the server. The JDK server listens on a loopback port behind an {@link HttpFront}, which
 * answers the malformed requests that the JDK server would refuse with its own HTML page (a raw {@code {} in the
 * path, say) in the same JSON shape.
 */
public final class ModelServer implements AutoCloseable {
    private static final Pattern MODEL_PATH = Pattern.compile(
            "/v1/models/([^/:]*)(?:/versions/([^/:]*))?(/metadata|:[A-Za-z]*)?");
    private static final long ANSWER_TIMEOUT_SECONDS = 60;
    private static final long MAX_DRAIN_BYTES = 64L << 20;
    /**
     * The JDK server's switch for TCP_NODELAY on accepted connections, read once, when the JVM makes its first
     * server (so it cannot be set per server).
     * Off, a small answer written after its headers waits for the client's delayed ACK (tens of milliseconds per
     * request on Linux), which would dwarf the model call.
     */
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    /**
     * The JDK server's limit, in seconds, on reading one request (headers and body), also read once. Without it a
     * client that sends fewer bytes than its Content-Length, or stops mid-headers, holds a worker thread forever,
     * and a few such clients leave none for anyone else; with it such a connection is closed.
     */
    private static final String REQUEST_TIME_PROPERTY = "sun.net.httpserver.maxReqTime";
    /** How long one request's headers and body may take to arrive before its connection is closed. */
    public static final long REQUEST_SECONDS = 30;

    private final Recommender recommender;
    private final ServerSettings settings;
    private final MicroBatcher batcher;
    private final HttpServer http;
    private final HttpFront front;
    private final ExecutorService pool;
    private final String version;

    private ModelServer(Recommender recommender, ServerSettings settings) throws IOException {
        this.recommender = recommender;
        this.settings = settings;
        this.version = Integer.toString(recommender.model().manifest().version());
        this.batcher = new MicroBatcher(recommender, settings.batchRows(), settings.batchWaitMs(),
                Math.max(64, settings.threads() * 4));
        this.http = HttpServer.create(HttpFront.loopback(), 128);
        try {
            this.front = HttpFront.start(new InetSocketAddress(settings.host(), settings.port()), http.getAddress());
        } catch (IOException e) {
            http.stop(0);
            batcher.close();
            throw e;
        }
        this.pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(pool);
        http.createContext("/", this::handle);
    }

    /**
     * Binds and starts serving. The JDK's HTTP server takes TCP_NODELAY and its request time limit (30 s) from
     * system properties that it reads once per JVM, when it makes its first server; they are set here, unless
     * given on the command line, and hold for every server of the JVM.
     */
    public static ModelServer start(Recommender recommender, ServerSettings settings) throws IOException {
        if (settings.defaultK() < 1 || settings.defaultK() > recommender.maxK()) {
            throw new IllegalArgumentException("-k must be between 1 and " + recommender.maxK() + ", got "
                    + settings.defaultK());
        }
        configureJdkServer();
        ModelServer server = new ModelServer(recommender, settings);
        server.http.start();
        return server;
    }

    /** Sets the JDK server's options that are not given on the command line (see {@link #start}). */
    private static synchronized void configureJdkServer() {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        if (System.getProperty(REQUEST_TIME_PROPERTY) == null) {
            System.setProperty(REQUEST_TIME_PROPERTY, Long.toString(REQUEST_SECONDS));
        }
    }

    /** The bound port (useful with port 0). */
    public int port() {
        return front.port();
    }

    public MicroBatcher batcher() {
        return batcher;
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            try {
                route(ex);
            } catch (HttpError e) {
                send(ex, e.status, HttpError.json(e.getMessage()));
            } catch (RuntimeException e) {
                send(ex, 500, HttpError.json("internal error: " + e.getClass().getSimpleName()));
            }
        } catch (IOException | RuntimeException e) {
            // the client went away mid-answer: nothing left to tell it
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        if (path.equals("/healthz") || path.equals("/v1/health")) {
            requireMethod(method, "GET");
            send(ex, 200, RecommendationJson.MAPPER.createObjectNode().put("status", "ok").toString());
            return;
        }
        Matcher m = MODEL_PATH.matcher(path);
        if (!m.matches()) {
            throw new HttpError(404, "no such path: " + abbreviate(path)
                    + " (try POST /v1/models/" + settings.name() + ":predict)");
        }
        if (!m.group(1).equals(settings.name())) {
            throw new HttpError(404, "Servable not found for request: Latest(" + abbreviate(m.group(1))
                    + "); this server has model '" + settings.name() + "'");
        }
        if (m.group(2) != null && !m.group(2).equals(version)) {
            throw new HttpError(404, "Servable not found for request: Specific(" + settings.name() + ", "
                    + abbreviate(m.group(2)) + "); this server has version " + version);
        }
        String verb = m.group(3);
        if (verb == null) {
            requireMethod(method, "GET");
            send(ex, 200, status());
        } else if (verb.equals("/metadata")) {
            requireMethod(method, "GET");
            send(ex, 200, metadata());
        } else if (verb.equals(":predict")) {
            requireMethod(method, "POST");
            byte[] body = readBody(ex);
            requireIdentityEncoding(ex);
            send(ex, 200, predict(body));
        } else {
            throw new HttpError(400, "unsupported verb '" + abbreviate(verb.substring(1))
                    + "': this model answers :predict only");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new HttpError(405, "method " + abbreviate(method) + " not allowed here (use " + allowed + ")");
        }
    }

    /** A compressed body would reach the JSON parser as binary bytes: say what is wrong instead. */
    private static void requireIdentityEncoding(HttpExchange ex) {
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new HttpError(415, "Content-Encoding " + abbreviate(encoding.strip())
                    + " is not supported: send the JSON body uncompressed");
        }
    }

    private byte[] readBody(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(settings.maxBodyBytes() + 1);
            if (body.length > settings.maxBodyBytes()) {
                drain(in);
                throw tooLarge();
            }
            return body;
        }
    }

    /**
     * Reads and drops the rest of an oversized body (up to a bound) before answering: closing a connection with
     * unread data resets it, and the client would lose the 413 it is owed.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[1 << 16];
        long left = MAX_DRAIN_BYTES;
        for (int n; left > 0 && (n = in.read(sink)) > 0; ) {
            left -= n;
        }
    }

    private HttpError tooLarge() {
        return new HttpError(413, "request body larger than " + settings.maxBodyBytes() + " bytes");
    }

    private String predict(byte[] body) {
        PredictRequest req = PredictRequest.parse(body, settings.maxInstances(), settings.maxItems());
        int k = req.k() == 0 ? settings.defaultK() : req.k();
        if (k > recommender.maxK()) {
            throw new HttpError(400, "'k' must be at most " + recommender.maxK() + " (the export's top), got " + k);
        }
        CompletableFuture<List<Recommendation>> answer = batcher.submit(req.sessions(), k);
        if (answer == null) {
            throw new HttpError(503, "server busy: request queue full, retry");
        }
        List<Recommendation> recs;
        try {
            recs = answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "server shutting down");
        } catch (ExecutionException | TimeoutException e) {
            throw new HttpError(503, "prediction failed: " + (e.getCause() == null ? e : e.getCause()).getMessage());
        }
        ObjectNode out = RecommendationJson.MAPPER.createObjectNode();
        ArrayNode predictions = out.putArray("predictions");
        recs.forEach(r -> predictions.add(RecommendationJson.of(r)));
        return out.toString();
    }

    /** TF Serving's GetModelStatus answer. */
    private String status() {
        ObjectNode root = RecommendationJson.MAPPER.createObjectNode();
        ObjectNode v = root.putArray("model_version_status").addObject();
        v.put("version", version);
        v.put("state", "AVAILABLE");
        v.putObject("status").put("error_code", "OK").put("error_message", "");
        return root.toString();
    }

    private String metadata() {
        ObjectNode root = RecommendationJson.MAPPER.createObjectNode();
        root.putObject("model_spec").put("name", settings.name()).put("signature_name", "").put("version", version);
        root.set("metadata", recommender.model().manifest().json());
        return root.toString();
    }

    private static String abbreviate(String s) {
        String clean = s.replaceAll("[\\p{Cntrl}]", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 60) + "...";
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = (json + "\n").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops accepting connections, answers what is queued (waiting at most {@code graceSeconds}), stops. */
    public void stop(int graceSeconds) {
        front.close();
        http.stop(graceSeconds);
        batcher.close();
        pool.shutdown();
    }

    @Override
    public void close() {
        stop(1);
    }
}
