package org.sessionrnn.serve;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small loopback client for the server tests. */
final class HttpTestClient {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpTestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Reply(int status, String body) {
    }

    Reply send(String method, String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, publisher).header("Content-Type", "application/json").build();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    Reply post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpClient raw() {
        return client;
    }

    String base() {
        return base;
    }
}
