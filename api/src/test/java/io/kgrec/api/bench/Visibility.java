package io.kgrec.api.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Interaction-to-visibility: for each customer, read the recommendations, record a purchase of the top item (as a
 * frontend does when the customer buys it), and read the recommendations again at once. The time from sending the
 * mutation until the second list has arrived is what a customer waits before the next page no longer offers what
 * they just bought; the probe also checks that the second list really no longer shows it.
 */
final class Visibility {
    /** What the probe measured. */
    record Result(int customers, Latencies mutation, Latencies nextQuery, Latencies total, int reflected,
            List<String> notReflected, List<String> failed, List<Slow> slowest) {
    }

    /** One of the slowest probes, with its place in the sequence: whether the tail is the start or spread out. */
    record Slow(int probe, double mutationMillis, double nextQueryMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "#%d %.1f + %.1f ms", probe, mutationMillis, nextQueryMillis);
        }
    }

    private static final int SLOWEST_SHOWN = 8;

    private final URI endpoint;
    private final String headers;

    Visibility(URI endpoint, String headers) {
        this.endpoint = endpoint;
        this.headers = headers;
    }

    @SuppressWarnings("unchecked")
    Result run(List<String> customers) throws Exception {
        long[] mutation = new long[customers.size()];
        long[] next = new long[customers.size()];
        long[] total = new long[customers.size()];
        int n = 0;
        int reflected = 0;
        List<String> notReflected = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try (HttpConnection c = new HttpConnection(endpoint, headers)) {
            for (String customer : customers) {
                List<Map<String, Object>> before = nodes(c.post(Workloads.body(Workloads.TOP_ITEMS, Map.of("c", customer))));
                if (before.isEmpty()) {
                    continue;
                }
                String top = (String) ((Map<String, Object>) before.get(0).get("item")).get("id");
                byte[] bought = Workloads.body(Workloads.PURCHASE, Map.of("c", customer, "i", top,
                        "r", before.get(0).get("recommendationId")));
                byte[] again = Workloads.body(Workloads.TOP_ITEMS, Map.of("c", customer));
                long t0 = System.nanoTime();
                HttpConnection.Response m = c.post(bought);
                long t1 = System.nanoTime();
                HttpConnection.Response after = c.post(again);
                long t2 = System.nanoTime();
                if (m.status() != 200 || !Workloads.answered(m.body(), "recordInteraction")) {
                    // reported with the figures, not hidden: a failed write is a finding of the probe
                    failed.add(customer + " after " + (t1 - t0) / 1_000_000 + " ms: " + m.body());
                    continue;
                }
                mutation[n] = t1 - t0;
                next[n] = t2 - t1;
                total[n] = t2 - t0;
                n++;
                boolean stillShown = nodes(after).stream()
                        .anyMatch(node -> top.equals(((Map<String, Object>) node.get("item")).get("id")));
                if (stillShown) {
                    notReflected.add(customer + ":" + top);
                } else {
                    reflected++;
                }
            }
        }
        List<Slow> slowest = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> total[i]).reversed()).limit(SLOWEST_SHOWN)
                .map(i -> new Slow(i, mutation[i] / 1e6, next[i] / 1e6)).toList();
        return new Result(n, new Latencies(java.util.Arrays.copyOf(mutation, n)),
                new Latencies(java.util.Arrays.copyOf(next, n)), new Latencies(java.util.Arrays.copyOf(total, n)),
                reflected, notReflected, failed, slowest);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(HttpConnection.Response r) {
        if (r.status() != 200 || !Workloads.answered(r.body(), "recommendations")) {
            throw new IllegalStateException("recommendations failed: " + r.status() + " " + r.body());
        }
        Map<String, Object> data = (Map<String, Object>) Workloads.parse(r.body()).get("data");
        List<Map<String, Object>> edges = (List<Map<String, Object>>) ((Map<String, Object>) data
                .get("recommendations")).get("edges");
        return edges.stream().map(e -> (Map<String, Object>) e.get("node")).toList();
    }
}
