package org.sessionrnn.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sessionrnn.export.ExportedModel;
import org.sessionrnn.export.TinyModels;

/**
 * Eight concurrent clients for a few seconds on loopback: every request is answered (none lost or refused), the
 * micro-batcher really batches (fewer model calls than requests), and the p99 latency is reported.
 */
class LoopbackLoadTest {
    @Test
    void eightClientsLoseNoRequestAndAreBatched() throws Exception {
        try (ExportedModel model = ExportedModel.load(TinyModels.get().exported(TinyModels.M1, 20));
             ModelServer server = ModelServer.start(new Recommender(model),
                     ServerSettings.defaults("tiny").withPort(0))) {
            new HttpTestClient(server.port()).get("/healthz"); // the client's own first-use cost, not the server's
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                bodies.add("{\"instances\": [{\"items\": [" + model.itemId(i % 40) + ", " + model.itemId((i * 3) % 40)
                        + "]}]}");
            }
            LoadGenerator.Result r = LoadGenerator.run(URI.create("http://127.0.0.1:" + server.port()
                    + "/v1/models/tiny:predict"), bodies, 1, 8, Duration.ofMillis(2500));
            System.out.printf("loopback load, 8 clients, %.1f s: %d requests, %d answered, %.0f/s, p50 %.2f ms, "
                            + "p99 %.2f ms, %d model calls%n", r.seconds(), r.sent(), r.answered(), r.throughput(),
                    r.percentileMs(50), r.percentileMs(99), server.batcher().batches());
            assertTrue(r.sent() > 16, "too few requests to mean anything: " + r.sent());
            assertEquals(0, r.lost(), "lost requests");
            assertEquals(0, r.refused(), "refused requests");
            assertEquals(r.sent(), r.answered());
            assertEquals(r.sent(), server.batcher().rows());
            assertTrue(server.batcher().batches() < r.sent(), "no batching: " + server.batcher().batches()
                    + " model calls for " + r.sent() + " requests");
            assertTrue(r.percentileMs(99) > 0);
        }
    }
}
