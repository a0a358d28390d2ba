package org.sessionrnn.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on a predict URL: {@code clients} threads each send one request, wait for its answer and send
 * the next, for a fixed time. Every request is counted as answered (200 with as many predictions as sessions
 * sent), refused (another status) or lost (no answer); latencies are those of answered requests.
 */
public final class LoadGenerator {
    /**
     * What a load run saw.
     *
     * @param sent       requests sent
     * @param answered   200 answers with the right number of predictions
     * @param refused    other statuses
     * @param lost       requests without an answer (I/O errors, timeouts)
     * @param seconds    wall time
     * @param latencyMs  sorted latencies of answered requests
     */
    public record Result(long sent, long answered, long refused, long lost, double seconds, double[] latencyMs) {
        public double percentileMs(double p) {
            if (latencyMs.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100 * latencyMs.length) - 1;
            return latencyMs[Math.max(0, Math.min(latencyMs.length - 1, i))];
        }

        /** Answered requests per second. */
        public double throughput() {
            return answered / seconds;
        }
    }

    private LoadGenerator() {
    }

    /**
     * Runs the load.
     *
     * @param url      the predict URL
     * @param bodies   request bodies, used round-robin per client
     * @param sessions sessions in each body (to check the answer)
     */
    public static Result run(URI url, List<String> bodies, int sessions, int clients, Duration duration)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong sent = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong lost = new AtomicLong();
        List<double[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        String expected = "\"items\"";
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            int client = c;
            double[][] mine = {new double[1024]};
            int[] count = {0};
            Thread t = new Thread(() -> {
                for (int i = client; System.nanoTime() < end; i += clients) {
                    HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i % bodies.size()))).build();
                    sent.incrementAndGet();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (r.statusCode() == 200 && occurrences(r.body(), expected) == sessions) {
                            answered.incrementAndGet();
                            if (count[0] == mine[0].length) {
                                mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                            }
                            mine[0][count[0]++] = ms;
                        } else {
                            refused.incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        lost.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                synchronized (perClient) {
                    perClient.add(Arrays.copyOf(mine[0], count[0]));
                }
            }, "load-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] all = perClient.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new Result(sent.get(), answered.get(), refused.get(), lost.get(), seconds, all);
    }

    private static int occurrences(String text, String token) {
        int n = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + token.length())) {
            n++;
        }
        return n;
    }
}
