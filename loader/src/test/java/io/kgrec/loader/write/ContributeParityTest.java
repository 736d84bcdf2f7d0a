package io.kgrec.loader.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.loader.testing.BoltNeo4j;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statement against procedure on the same rows: a seeded random sequence of contributions from four files (with and
 * without money and times, some files replacing their entry, some taking it off) applied once with the loader's
 * {@code CONTRIBUTE} statement and once with {@code kgrec.load.contribute} leaves the same relationships with the
 * same properties, per-entry arrays included. The loads in {@link ContributionPathsTest} never mix money with
 * files without money; this does.
 */
class ContributeParityTest {
    private static final String SNAPSHOT = """
            MATCH (c:Customer)-[r]->(i:Item)
            RETURN c.id + ' ' + type(r) + ' ' + i.id AS key, properties(r) AS props ORDER BY key
            """;
    private static final List<String> SOURCES = List.of("b/2.tsv", "a/1.tsv", "c/3.tsv", "a/10.tsv");

    private static BoltNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = BoltNeo4j.startWithSchema();
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    /** One call: a file's rows of one type. */
    private record Step(String type, String source, List<Map<String, Object>> rows) {
    }

    private static List<Step> steps(long seed) {
        Random random = new Random(seed);
        List<Step> steps = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            String source = SOURCES.get(random.nextInt(SOURCES.size()));
            String type = random.nextInt(4) == 0 ? "RATED" : "PURCHASED";
            boolean money = source.startsWith("a");
            boolean time = !source.startsWith("c");
            Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
            for (int k = 0; k < 30; k++) {
                String customer = "c" + random.nextInt(6);
                String item = "i" + random.nextInt(8);
                Map<String, Object> row = new HashMap<>();
                row.put("customer", customer);
                row.put("item", item);
                row.put("raw", 0.5 * (1 + random.nextInt(10)));
                row.put("count", 1L + random.nextInt(3));
                row.put("spend", money ? 0.01 * random.nextInt(1000) : -1.0);
                row.put("timestamp", time ? 1_700_000_000L + random.nextInt(1_000_000) : -1L);
                row.put("remove", random.nextInt(5) == 0);
                rows.put(customer + item, row);
            }
            steps.add(new Step(type, source, List.copyOf(rows.values())));
        }
        return steps;
    }

    private static List<Map<String, Object>> apply(List<Step> steps, boolean procedure) {
        neo4j.clear();
        neo4j.driver().executableQuery("""
                UNWIND range(0, 5) AS n CREATE (:Customer {id: 'c' + n})
                WITH count(*) AS done UNWIND range(0, 7) AS n CREATE (:Item {id: 'i' + n})
                """).execute();
        for (Step step : steps) {
            Map<String, Object> params = new HashMap<>();
            params.put("type", step.type());
            params.put("source", step.source());
            params.put("rating", step.type().equals("RATED"));
            params.put("rows", step.rows());
            params.put("onlySource", false);
            neo4j.driver().executableQuery(procedure ? ContributeProcedure.CALL : InteractionStatements.CONTRIBUTE)
                    .withParameters(params).execute();
        }
        return neo4j.driver().executableQuery(SNAPSHOT).execute().records().stream()
                .map(r -> Map.<String, Object>of("key", r.get("key").asString(), "props", r.get("props").asMap()))
                .toList();
    }

    @Test
    void the_statement_and_the_procedure_keep_the_same_entries_and_totals() {
        for (long seed : new long[] {1, 2, 3}) {
            List<Step> steps = steps(seed);

            List<Map<String, Object>> statement = apply(steps, false);
            List<Map<String, Object>> procedure = apply(steps, true);

            assertThat(procedure).as("seed %d", seed).isEqualTo(statement);
            assertThat(statement).as("seed %d: some relationships have several entries, with money", seed)
                    .anyMatch(m -> ((Map<?, ?>) m.get("props")).containsKey("sourceSpend"));
        }
    }
}
