package io.kgrec.api.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A closed-loop load: {@code clients} threads, each with its own keep-alive connection, send the next request as soon
 * as the previous answer is read. Each thread takes the workload's request bodies in turn, starting at its own offset,
 * so the clients rotate through the customers. Latencies are recorded only for requests that start and finish inside
 * the measured window, which follows a warm-up that is not recorded; the run ends by itself after both.
 */
final class ClosedLoop {
    /** What was measured in one run. */
    record Result(String workload, int clients, double seconds, Latencies latencies, int errors, String firstError,
            String loadBefore, String loadAfter) {
        double throughput() {
            return latencies.count() / seconds;
        }
    }

    private final URI endpoint;
    private final String headers;

    ClosedLoop(URI endpoint, String headers) {
        this.endpoint = endpoint;
        this.headers = headers;
    }

    Result run(String workload, List<byte[]> bodies, Predicate<String> ok, int clients, double warmupSeconds,
            double measuredSeconds) throws InterruptedException {
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmupSeconds * 1e9);
        long measureTo = measureFrom + (long) (measuredSeconds * 1e9);
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        AtomicInteger errors = new AtomicInteger();
        String[] firstError = new String[1];
        CountDownLatch done = new CountDownLatch(clients);
        for (int t = 0; t < clients; t++) {
            long[] latencies = new long[1 << 20];
            perThread.add(latencies);
            int thread = t;
            Thread worker = new Thread(() -> {
                try (HttpConnection c = new HttpConnection(endpoint, headers)) {
                    int next = thread * bodies.size() / clients;
                    while (true) {
                        long sent = System.nanoTime();
                        if (sent >= measureTo) {
                            break;
                        }
                        String problem;
                        try {
                            HttpConnection.Response r = c.post(bodies.get(next));
                            problem = r.status() == 200 && ok.test(r.body()) ? null : r.status() + " " + r.body();
                        } catch (Exception e) {
                            problem = e.toString();
                        }
                        long received = System.nanoTime();
                        next = (next + 1) % bodies.size();
                        if (sent < measureFrom || received > measureTo) {
                            continue;
                        }
                        if (problem != null) {
                            if (errors.getAndIncrement() == 0) {
                                firstError[0] = problem.length() > 500 ? problem.substring(0, 500) : problem;
                            }
                        } else if (counts[thread] < latencies.length) {
                            latencies[counts[thread]++] = received - sent;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + t);
            worker.start();
        }
        done.await();
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        return new Result(workload, clients, measuredSeconds, new Latencies(all), errors.get(), firstError[0],
                loadBefore, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages of the machine, from /proc/loadavg. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
