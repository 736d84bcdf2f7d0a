package io.kgrec.api.overload;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed loop of many connections against one endpoint for a fixed time, as {@code wrk -c256 -d20s} runs it: each
 * connection has its own client (so its own TCP connection) and sends the next request when the last is answered.
 * Counts what came back: answered (200 without errors), shed (503 with Retry-After), failed (anything else, time-outs
 * included), and the latencies of the answered.
 */
final class Burst {
    /** What one burst came to. */
    record Result(long answered, long shed, long failed, List<Long> answeredNanos, List<String> failures) {
        double p99Millis() {
            if (answeredNanos.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(answeredNanos);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(0.99 * sorted.size()) - 1)) / 1e6;
        }

        @Override
        public String toString() {
            return String.format("answered %d, shed %d, failed %d, p99 of answered %.1f ms", answered, shed, failed,
                    p99Millis());
        }
    }

    private Burst() {
    }

    static Result run(URI endpoint, String apiKey, String body, int connections, Duration length,
            Duration requestTimeout) throws InterruptedException {
        AtomicLong answered = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        long endsAt = System.nanoTime() + length.toNanos();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                try {
                    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(requestTimeout)
                            .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    while (System.nanoTime() < endsAt) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() == 200 && !r.body().contains("\"errors\"")) {
                                answered.incrementAndGet();
                                latencies.add(System.nanoTime() - sent);
                            } else if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                                shed.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                note(failures, r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            note(failures, e.toString());
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
            worker.setDaemon(true);
            worker.start();
        }
        done.await();
        return new Result(answered.get(), shed.get(), failed.get(), List.copyOf(latencies), List.copyOf(failures));
    }

    private static void note(List<String> failures, String failure) {
        if (failures.size() < 5) {
            failures.add(failure.length() > 300 ? failure.substring(0, 300) : failure);
        }
    }
}
