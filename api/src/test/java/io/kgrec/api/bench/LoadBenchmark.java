package io.kgrec.api.bench;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The serving load benchmark, run on purpose against a running kgrec (bench/load.sh starts one on the demo data):
 * closed-loop clients on loopback alternate runs of {@code recommendations(first: 10)} with full reasons and of the naive
 * pure-Cypher baseline ({@code baselineRecommendations}), the same duration each, then probe interaction-to-visibility.
 * Every run is bounded in time and sends traffic only to the given loopback address.
 *
 * <p>Options (all {@code --name value}): url, bolt (for the customer ids), key, clients (16), warmup (10 s),
 * seconds (30), rounds (3), workloads (recommendations,baseline; or purchases: every client records purchases, each of
 * the next rotating customer and an item drawn as often as it was bought; event-ids true gives each an eventId, so a
 * purchase sent again as the rotation comes round adds nothing), visibility (customers probed, 300; 0 for none),
 * wait (seconds to wait for a trained model, 900; 0 to
 * measure whatever serves), rate (requests per second on a fixed schedule; 0, the default, for
 * a closed loop), pid (the server's process id, to report its CPU time per request), write-customers (a file to
 * write the rotating customer ids to, one a line), writes (purchases recorded per second while the recommendations
 * workload runs, {@link WriteStream}; 0, the default, for none).
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        URI url = URI.create(o.getOrDefault("url", "http://127.0.0.1:8080/graphql"));
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(url.getHost())) {
            throw new IllegalArgumentException("the benchmark only loads a server on loopback, not " + url.getHost());
        }
        String headers = "X-API-Key: " + o.getOrDefault("key", "demo-frontend-key") + "\r\n";
        int clients = Integer.parseInt(o.getOrDefault("clients", "16"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "10"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "30"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        List<String> workloads = List.of(o.getOrDefault("workloads", "recommendations,baseline").split(","));
        int probed = Integer.parseInt(o.getOrDefault("visibility", "300"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "0"));
        long serverPid = Long.parseLong(o.getOrDefault("pid", "0"));
        double writes = Double.parseDouble(o.getOrDefault("writes", "0"));
        boolean eventIds = Boolean.parseBoolean(o.getOrDefault("event-ids", "false"));

        List<String> customers = customers(o.getOrDefault("bolt", "bolt://127.0.0.1:7687"));
        if (o.containsKey("write-customers")) {
            // for the wrk cross-check (bench/wrk-recommendations.lua), which rotates through the same customers
            java.nio.file.Files.write(java.nio.file.Path.of(o.get("write-customers")), customers);
        }
        System.out.printf(Locale.ROOT, "# kgrec load benchmark %s: %s, %d clients, warm-up %.0f s, measured %.0f s, "
                + "%d rounds, %d customers rotating, %s%s; load average %s%n", Instant.now(), url, clients, warmup,
                seconds, rounds, customers.size(), rate > 0 ? "fixed rate " + rate + " req/s" : "closed loop",
                writes > 0 ? ", " + writes + " purchases/s recorded during recommendations" : "",
                ClosedLoop.loadAverage());
        List<String> bought = writes > 0 || workloads.contains("purchases")
                ? purchasedItems(o.getOrDefault("bolt", "bolt://127.0.0.1:7687")) : List.of();
        int wait = Integer.parseInt(o.getOrDefault("wait", "900"));
        if (wait > 0) {
            awaitTrainedModel(url, headers, customers.get(0), wait);
        }

        ClosedLoop loop = new ClosedLoop(url, headers, serverPid);
        Map<String, List<ClosedLoop.Result>> results = new HashMap<>();
        System.out.println("| round | workload | requests | req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors "
                + "| server CPU ms/req | client CPU s | load avg before → after |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        for (int round = 1; round <= rounds; round++) {
            List<String> order = new ArrayList<>(workloads);
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (String w : order) {
                WriteStream stream = writes > 0 && w.equals("recommendations")
                        ? new WriteStream(url, headers, customers, bought, writes).start() : null;
                ClosedLoop.Result r = loop.run(w, bodies(w, customers, bought, eventIds),
                        body -> Workloads.answered(body, field(w)), clients, warmup, seconds, rate);
                if (stream != null) {
                    stream.close();
                }
                results.computeIfAbsent(w, k -> new ArrayList<>()).add(r);
                print(String.valueOf(round), r);
                if (r.errors() > 0) {
                    System.out.println("first error: " + r.firstError());
                }
                if (stream != null) {
                    Latencies l = stream.latencies();
                    System.out.printf(Locale.ROOT, "| | purchases recorded alongside (warm-up included) | %d | | %.2f | "
                            + "%.2f | %.2f | %.2f | %.2f | %d | | | |%n", stream.recorded(), l.percentileMillis(50),
                            l.percentileMillis(90), l.percentileMillis(99), l.percentileMillis(99.9), l.maxMillis(),
                            stream.errors());
                    if (stream.errors() > 0) {
                        System.out.println("first write error: " + stream.firstError());
                    }
                }
            }
        }
        for (String w : workloads) {
            List<ClosedLoop.Result> rs = results.get(w);
            if (rs == null) {
                continue; // --rounds 0: the visibility probe alone
            }
            long[] all = rs.stream().flatMapToLong(r -> java.util.Arrays.stream(r.latencies().nanos())).toArray();
            int errors = rs.stream().mapToInt(ClosedLoop.Result::errors).sum();
            print("all", new ClosedLoop.Result(w, clients, seconds * rs.size(), new Latencies(all), errors, null,
                    rs.get(0).loadBefore(), rs.get(rs.size() - 1).loadAfter(),
                    rs.stream().mapToDouble(ClosedLoop.Result::serverCpuSeconds).sum(),
                    rs.stream().mapToDouble(ClosedLoop.Result::clientCpuSeconds).sum()));
        }
        if (probed > 0) {
            List<String> sample = customers.subList(Math.max(0, customers.size() - probed), customers.size());
            Visibility.Result v = new Visibility(url, headers).run(sample);
            System.out.printf(Locale.ROOT, "%n# interaction to visibility, %d customers, one client, load average %s%n",
                    v.customers(), ClosedLoop.loadAverage());
            System.out.println("| measure | p50 ms | p90 ms | p99 ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|");
            visibilityRow("recordInteraction", v.mutation());
            visibilityRow("next recommendations", v.nextQuery());
            visibilityRow("mutation + next query", v.total());
            System.out.println("slowest probes (place in the sequence, mutation + next query): " + v.slowest());
            System.out.printf(Locale.ROOT, "next list no longer shows the bought item: %d of %d%s%n", v.reflected(),
                    v.customers(), v.notReflected().isEmpty() ? "" : "; still shown: " + v.notReflected());
            System.out.printf(Locale.ROOT, "recordInteraction failed (not in the figures above): %d%n", v.failed().size());
            v.failed().forEach(f -> System.out.println("  " + f));
        }
    }

    private static void print(String round, ClosedLoop.Result r) {
        Latencies l = r.latencies();
        System.out.printf(Locale.ROOT, "| %s | %s | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %.2f | %.1f "
                        + "| %s → %s |%n", round, r.workload(), l.count(), r.throughput(), l.percentileMillis(50),
                l.percentileMillis(90), l.percentileMillis(99), l.percentileMillis(99.9), l.maxMillis(), r.errors(),
                r.serverCpuMillisPerRequest(), r.clientCpuSeconds(), r.loadBefore(), r.loadAfter());
    }

    private static void visibilityRow(String name, Latencies l) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", name, l.percentileMillis(50),
                l.percentileMillis(90), l.percentileMillis(99), l.maxMillis());
    }

    private static String document(String workload) {
        return switch (workload) {
            case "recommendations" -> Workloads.RECOMMENDATIONS;
            case "baseline" -> Workloads.BASELINE;
            default -> throw new IllegalArgumentException("unknown workload " + workload
                    + "; known: recommendations, baseline, purchases");
        };
    }

    private static List<byte[]> bodies(String workload, List<String> customers, List<String> bought,
            boolean eventIds) {
        return workload.equals("purchases") ? Workloads.purchases(customers, bought, eventIds)
                : Workloads.bodies(document(workload), customers);
    }

    private static String field(String workload) {
        return switch (workload) {
            case "baseline" -> "baselineRecommendations";
            case "purchases" -> "recordInteraction";
            default -> "recommendations";
        };
    }

    /** Every customer with a purchase, in a fixed shuffled order (seed 42) so that clients do not walk ids in order. */
    private static List<String> customers(String bolt) {
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none()); var session = driver.session()) {
            List<String> ids = new ArrayList<>(session.run("""
                    MATCH (c:Customer) WHERE EXISTS { (c)-[:PURCHASED]->(:Item) }
                    RETURN c.id AS id ORDER BY id""").list(r -> r.get("id").asString()));
            Collections.shuffle(ids, new Random(42));
            return ids;
        }
    }

    /** Every purchased item's id once per customer who bought it, so that drawing from the list favours best sellers. */
    private static List<String> purchasedItems(String bolt) {
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none()); var session = driver.session()) {
            return session.run("""
                    MATCH (i:Item) WITH i, COUNT { (:Customer)-[:PURCHASED]->(i) } AS buyers WHERE buyers > 0
                    UNWIND range(1, buyers) AS copy
                    RETURN i.id AS id ORDER BY id""").list(r -> r.get("id").asString());
        }
    }

    @SuppressWarnings("unchecked")
    private static void awaitTrainedModel(URI url, String headers, String customer, int waitSeconds) throws Exception {
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        try (HttpConnection c = new HttpConnection(url, headers)) {
            while (true) {
                HttpConnection.Response r = c.post(Workloads.body(Workloads.TOP_ITEMS, Map.of("c", customer)));
                if (r.status() == 200 && r.body().contains("\"modelVersion\":\"model-")) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no trained model served within " + waitSeconds + " s: " + r.body());
                }
                Thread.sleep(2_000);
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        return o;
    }
}
