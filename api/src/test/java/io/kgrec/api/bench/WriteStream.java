package io.kgrec.api.bench;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Interactions recorded while the recommendations are read, as a shop's feedback arrives: one client sends
 * {@code recordInteraction} purchases on a fixed schedule, each of a random rotating customer and of an item drawn in
 * proportion to its purchases (so popular items, the ones most lists show, are written most). It measures what the
 * writes cost the reads; its own latencies are reported too, counted from each write's scheduled time.
 */
final class WriteStream implements AutoCloseable {
    private final Thread thread;
    private final long[] latencies = new long[1 << 20];
    private final AtomicInteger recorded = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private volatile boolean stopping;
    private volatile String firstError;

    /**
     * @param items item ids, each as often as it was bought; drawn from with a fixed seed
     * @param rate  purchases per second
     */
    WriteStream(URI endpoint, String headers, List<String> customers, List<String> items, double rate) {
        Random random = new Random(7);
        long interval = (long) (1e9 / rate);
        thread = new Thread(() -> {
            try (HttpConnection c = new HttpConnection(endpoint, headers)) {
                long scheduled = System.nanoTime();
                while (!stopping) {
                    for (long now = System.nanoTime(); now < scheduled && !stopping; now = System.nanoTime()) {
                        LockSupport.parkNanos(scheduled - now);
                    }
                    byte[] body = Workloads.body(Workloads.PURCHASE, Map.of(
                            "c", customers.get(random.nextInt(customers.size())),
                            "i", items.get(random.nextInt(items.size()))));
                    record(c, body, scheduled);
                    scheduled += interval;
                }
            }
        }, "write-stream");
    }

    private void record(HttpConnection c, byte[] body, long scheduled) {
        String problem;
        try {
            HttpConnection.Response r = c.post(body);
            problem = r.status() == 200 && Workloads.answered(r.body(), "recordInteraction") ? null
                    : r.status() + " " + r.body();
        } catch (Exception e) {
            problem = e.toString();
        }
        if (problem != null) {
            if (errors.getAndIncrement() == 0) {
                firstError = problem;
            }
            return;
        }
        int n = recorded.getAndIncrement();
        if (n < latencies.length) {
            latencies[n] = System.nanoTime() - scheduled;
        }
    }

    WriteStream start() {
        thread.start();
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join();
    }

    int recorded() {
        return recorded.get();
    }

    int errors() {
        return errors.get();
    }

    String firstError() {
        return firstError;
    }

    Latencies latencies() {
        return new Latencies(Arrays.copyOf(latencies, Math.min(recorded.get(), latencies.length)));
    }
}
