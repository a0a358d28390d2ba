package org.sessionrnn.serve;

/**
 * How the HTTP server runs.
 *
 * @param host         address to bind (127.0.0.1 unless told otherwise)
 * @param port         port, 0 for any free one
 * @param name         the model name in the URL paths
 * @param defaultK     items per session when a request does not say
 * @param maxBodyBytes larger request bodies are refused with 413
 * @param maxInstances most sessions per request
 * @param maxItems     most ids per session
 * @param batchRows    sessions per model call
 * @param batchWaitMs  how long a request waits for others to batch with
 * @param threads      HTTP worker threads (a request still arriving holds one, so there are more than cores)
 */
public record ServerSettings(String host, int port, String name, int defaultK, int maxBodyBytes, int maxInstances,
                             int maxItems, int batchRows, double batchWaitMs, int threads) {
    /** Defaults for a model called {@code name}. */
    public static ServerSettings defaults(String name) {
        return new ServerSettings("127.0.0.1", 8501, name, 20, 1 << 20, 1000, 1000, 256, 2.0, 64);
    }

    public ServerSettings withPort(int p) {
        return new ServerSettings(host, p, name, defaultK, maxBodyBytes, maxInstances, maxItems, batchRows,
                batchWaitMs, threads);
    }

    public ServerSettings withHost(String h) {
        return new ServerSettings(h, port, name, defaultK, maxBodyBytes, maxInstances, maxItems, batchRows,
                batchWaitMs, threads);
    }

    public ServerSettings withBatching(int rows, double waitMs) {
        return new ServerSettings(host, port, name, defaultK, maxBodyBytes, maxInstances, maxItems, rows, waitMs,
                threads);
    }

    public ServerSettings withDefaultK(int k) {
        return new ServerSettings(host, port, name, k, maxBodyBytes, maxInstances, maxItems, batchRows, batchWaitMs,
                threads);
    }
}
