package io.kgrec.cypher.bench;

import io.kgrec.cypher.recommend.ExplainStreamProc;
import io.kgrec.cypher.recommend.RecommendStreamProc;
import io.kgrec.cypher.testing.BenchmarkData;
import io.kgrec.cypher.testing.CanonicalGraph;
import io.kgrec.cypher.testing.InProcessNeo4j;
import io.kgrec.cypher.train.TrainProc;
import java.util.List;
import java.util.Map;

/**
 * Trains on a benchmark dataset in-process and times {@code kgrec.recommend.stream} for every customer, without Bolt,
 * to profile serving (run with -XX:+FlightRecorder options as needed). A benchmark run on purpose, not a test.
 *
 * <p>Usage: {@code java -cp <cypher test classpath> io.kgrec.cypher.bench.ServingProfile ml-100k [rounds]}
 */
public final class ServingProfile {
    private ServingProfile() {
    }

    public static void main(String[] args) {
        String dataset = args.length > 0 ? args[0] : "ml-100k";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (InProcessNeo4j neo4j = InProcessNeo4j.start(TrainProc.class, RecommendStreamProc.class,
                ExplainStreamProc.class)) {
            CanonicalGraph.load(neo4j.db(), BenchmarkData.dataset(dataset), "train", "RATED");
            long t0 = System.nanoTime();
            Map<String, Object> trained = neo4j.rows("CALL kgrec.train({seed: 42})", Map.of()).get(0);
            System.out.printf("train %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, trained);
            List<String> customers = neo4j.rows("MATCH (c:Customer) RETURN c.id AS id ORDER BY id", Map.of())
                    .stream().map(r -> (String) r.get("id")).toList();
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                for (String c : customers) {
                    neo4j.rows("CALL kgrec.recommend.stream($c, {topK: 10, maxReasons: 3})", Map.of("c", c));
                }
                System.out.printf("round %d: %d customers in %.1f s (%.1f ms each)%n", round, customers.size(),
                        (System.nanoTime() - start) / 1e9, (System.nanoTime() - start) / 1e6 / customers.size());
            }
        }
    }
}
