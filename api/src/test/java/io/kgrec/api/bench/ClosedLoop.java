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
 * as the previous answer is read. With a target rate instead, each thread sends on a fixed schedule (rate / clients
 * per thread) and a latency is counted from the request's scheduled time, not from when it could be sent, so a
 * server that falls behind is charged for the wait it causes (no coordinated omission). Each thread takes the workload's request bodies in turn, starting at its own offset,
 * so the clients rotate through the customers. Latencies are recorded only for requests that start and finish inside
 * the measured window, which follows a warm-up that is not recorded; the run ends by itself after both.
 */
final class ClosedLoop {
    /** What was measured in one run. */
    record Result(String workload, int clients, double seconds, Latencies latencies, int errors, String firstError,
            String loadBefore, String loadAfter, double serverCpuSeconds, double clientCpuSeconds) {
        double throughput() {
            return latencies.count() / seconds;
        }

        /** The server process's CPU time (all threads) per answered request in the measured window; NaN if unknown. */
        double serverCpuMillisPerRequest() {
            return serverCpuSeconds * 1000 / latencies.count();
        }
    }

    private final URI endpoint;
    private final String headers;
    private final long serverPid;

    /** @param serverPid the server's process id, to read its CPU time; 0 when unknown */
    ClosedLoop(URI endpoint, String headers, long serverPid) {
        this.endpoint = endpoint;
        this.headers = headers;
        this.serverPid = serverPid;
    }

    Result run(String workload, List<byte[]> bodies, Predicate<String> ok, int clients, double warmupSeconds,
            double measuredSeconds) throws InterruptedException {
        return run(workload, bodies, ok, clients, warmupSeconds, measuredSeconds, 0);
    }

    /** @param rate requests per second over all clients; 0 for a closed loop */
    Result run(String workload, List<byte[]> bodies, Predicate<String> ok, int clients, double warmupSeconds,
            double measuredSeconds, double rate) throws InterruptedException {
        long interval = rate > 0 ? (long) (clients * 1e9 / rate) : 0;
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
                    long scheduled = start + (interval > 0 ? thread * interval / clients : 0);
                    while (true) {
                        long sent = System.nanoTime();
                        if (interval > 0) {
                            while (sent < scheduled) {
                                java.util.concurrent.locks.LockSupport.parkNanos(scheduled - sent);
                                sent = System.nanoTime();
                            }
                            sent = scheduled;
                            scheduled += interval;
                        }
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
        double[] server = new double[2];
        double[] client = new double[2];
        sleepUntil(measureFrom);
        server[0] = cpuSeconds(serverPid);
        client[0] = cpuSeconds(ProcessHandle.current().pid());
        sleepUntil(measureTo);
        server[1] = cpuSeconds(serverPid);
        client[1] = cpuSeconds(ProcessHandle.current().pid());
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
                loadBefore, loadAverage(), server[1] - server[0], client[1] - client[0]);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** User plus system CPU time of a process, from /proc (Linux); NaN when it cannot be read. */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            // fields after the parenthesised command name: state is field 3, utime 14, stime 15 (clock ticks)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
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
