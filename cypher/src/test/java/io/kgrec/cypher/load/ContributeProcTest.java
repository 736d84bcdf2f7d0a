package io.kgrec.cypher.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.InProcessNeo4j;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kgrec.load.contribute}: per-file entries and totals, missing ends reported, and argument errors. That it
 * writes exactly what the loader's Cypher statements write is shown in the loader's tests, which have both.
 */
class ContributeProcTest {
    private static final String CALL = """
            CALL kgrec.load.contribute($type, $source, $rows, $onlySource)
            YIELD rows, written, created, deleted, missing, missingExamples
            RETURN rows, written, created, deleted, missing, missingExamples
            """;

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start(ContributeProc.class);
        neo4j.run("CREATE CONSTRAINT customer_id IF NOT EXISTS FOR (c:Customer) REQUIRE c.id IS UNIQUE");
        neo4j.run("CREATE CONSTRAINT item_id IF NOT EXISTS FOR (i:Item) REQUIRE i.id IS UNIQUE");
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void graph() {
        neo4j.clear();
        neo4j.run("CREATE (:Customer {id: 'c1'}), (:Customer {id: 'c2'}), (:Item {id: 'A'}), (:Item {id: 'B'})");
    }

    private static Map<String, Object> row(String customer, String item, double raw, long count, double spend,
            long timestamp) {
        return new HashMap<>(Map.of("customer", customer, "item", item, "raw", raw, "count", count, "spend", spend,
                "timestamp", timestamp));
    }

    private static Map<String, Object> call(String type, String source, List<?> rows, boolean onlySource) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", type);
        params.put("source", source);
        params.put("rows", rows);
        params.put("onlySource", onlySource);
        return neo4j.rows(CALL, params).get(0);
    }

    private static Map<String, Object> purchased(String customer, String item) {
        List<Map<String, Object>> rows = neo4j.rows(
                "MATCH (:Customer {id: $c})-[r:PURCHASED]->(:Item {id: $i}) RETURN properties(r) AS p",
                Map.of("c", customer, "i", item));
        return rows.isEmpty() ? null : (Map<String, Object>) rows.get(0).get("p");
    }

    @Test
    void a_first_contribution_creates_the_relationship_with_the_files_totals_and_no_per_entry_arrays() {
        Map<String, Object> result = call("PURCHASED", "shop/week1.tsv",
                List.of(row("c1", "A", 2.0, 2, 3.5, 1_700_000_000L), row("c1", "B", 1.0, 1, -1.0, -1)), false);

        assertThat(result).containsEntry("rows", 2L).containsEntry("written", 2L).containsEntry("created", 2L)
                .containsEntry("missing", 0L);
        Map<String, Object> a = purchased("c1", "A");
        assertThat(a).containsOnlyKeys("sources", "raw", "count", "weight", "spend", "timestamp");
        assertThat((String[]) a.get("sources")).containsExactly("shop/week1.tsv");
        assertThat(a).containsEntry("raw", 2.0).containsEntry("count", 2L).containsEntry("spend", 3.5)
                .containsEntry("timestamp", 1_700_000_000L);
        assertThat((double) a.get("weight")).isCloseTo(Math.log(3), within(1e-15));
        assertThat(purchased("c1", "B")).doesNotContainKeys("spend", "timestamp");
    }

    @Test
    void a_second_file_adds_a_sorted_entry_and_taking_both_off_deletes_the_relationship() {
        call("PURCHASED", "shop/week2.tsv", List.of(row("c1", "A", 3.0, 1, -1.0, 1_700_600_000L)), false);
        call("PURCHASED", "shop/week1.tsv", List.of(row("c1", "A", 2.0, 2, 3.5, 1_700_000_000L)), false);

        Map<String, Object> a = purchased("c1", "A");
        assertThat((String[]) a.get("sources")).containsExactly("shop/week1.tsv", "shop/week2.tsv");
        assertThat((double[]) a.get("sourceRaw")).containsExactly(2.0, 3.0);
        assertThat((long[]) a.get("sourceCount")).containsExactly(2L, 1L);
        assertThat((double[]) a.get("sourceSpend")).containsExactly(3.5, -1.0);
        assertThat((long[]) a.get("sourceTimestamp")).containsExactly(1_700_000_000L, 1_700_600_000L);
        assertThat(a).containsEntry("raw", 5.0).containsEntry("count", 3L).containsEntry("spend", 3.5)
                .containsEntry("timestamp", 1_700_600_000L);

        Map<String, Object> removal = row("c1", "A", 0.0, 0, -1.0, -1);
        removal.put("remove", true);
        call("PURCHASED", "shop/week1.tsv", List.of(removal), false);
        assertThat(purchased("c1", "A")).doesNotContainKeys("sourceRaw", "sourceSpend", "spend")
                .containsEntry("raw", 3.0);
        Map<String, Object> last = call("PURCHASED", "shop/week2.tsv", List.of(removal), false);
        assertThat(last).containsEntry("deleted", 1L).containsEntry("written", 1L);
        assertThat(purchased("c1", "A")).isNull();
    }

    @Test
    void ratings_are_weighed_by_the_mean_and_only_source_replaces_whatever_the_relationship_held() {
        call("RATED", "r/1.tsv", List.of(row("c1", "A", 9.0, 2, -1.0, -1)), false);
        call("RATED", "r/2.tsv", List.of(row("c1", "A", 3.0, 1, -1.0, -1)), false);
        List<Map<String, Object>> rated = neo4j.rows(
                "MATCH (:Customer {id: 'c1'})-[r:RATED]->() RETURN r.weight AS w, r.sources AS s", Map.of());
        assertThat((double) rated.get(0).get("w")).isCloseTo(Math.log(1 + 12.0 / 3), within(1e-15));

        call("RATED", "r/1.tsv", List.of(row("c1", "A", 4.0, 1, -1.0, -1)), true);

        rated = neo4j.rows("MATCH (:Customer {id: 'c1'})-[r:RATED]->() RETURN r.weight AS w, r.sources AS s, "
                + "r.sourceRaw AS raws", Map.of());
        assertThat(rated).hasSize(1);
        assertThat((String[]) rated.get(0).get("s")).containsExactly("r/1.tsv");
        assertThat(rated.get(0).get("raws")).isNull();
        assertThat((double) rated.get(0).get("w")).isCloseTo(Math.log(5), within(1e-15));
    }

    @Test
    void rows_naming_a_missing_customer_or_item_are_counted_and_named_not_written() {
        Map<String, Object> result = call("PURCHASED", "s.tsv", List.of(row("c1", "A", 1, 1, -1, -1),
                row("nobody", "A", 1, 1, -1, -1), row("c2", "ZZ", 1, 1, -1, -1)), false);

        assertThat(result).containsEntry("rows", 3L).containsEntry("written", 1L).containsEntry("missing", 2L);
        assertThat((List<Object>) result.get("missingExamples")).containsExactlyInAnyOrder("customer nobody", "item ZZ");
        assertThat(neo4j.rows("MATCH ()-[r:PURCHASED]->() RETURN r", Map.of())).hasSize(1);
    }

    @Test
    void a_relationship_of_another_type_or_direction_is_not_taken_for_the_interaction() {
        neo4j.run("MATCH (c:Customer {id: 'c1'}), (a:Item {id: 'A'}) CREATE (c)-[:VIEWED]->(a), (a)-[:PURCHASED]->(c)");

        Map<String, Object> result = call("PURCHASED", "s.tsv", List.of(row("c1", "A", 1, 1, -1, -1)), false);

        assertThat(result).containsEntry("created", 1L);
        assertThat(neo4j.rows("MATCH (:Customer {id: 'c1'})-[r]-() RETURN r", Map.of())).hasSize(3);
    }

    static Stream<Arguments> badArguments() {
        Map<String, Object> good = row("c1", "A", 1, 1, -1, -1);
        return Stream.of(
                Arguments.of("BOUGHT", "s", List.of(good), "type must be one of [CLICKED, INTERACTED, LISTENED"),
                Arguments.of(null, "s", List.of(good), "type must be one of"),
                Arguments.of("PURCHASED", " ", List.of(good), "source must be the source file's key"),
                Arguments.of("PURCHASED", "s", null, "rows must be a list of maps"),
                Arguments.of("PURCHASED", "s", List.of(good, "c1"), "rows[1] must be a map"),
                Arguments.of("PURCHASED", "s", List.of(without(good, "customer")), "rows[0].customer must be a non-empty string"),
                Arguments.of("PURCHASED", "s", List.of(with(good, "item", 7L)), "rows[0].item must be a non-empty string"),
                Arguments.of("PURCHASED", "s", List.of(with(good, "raw", "two")), "rows[0].raw must be a finite number"),
                Arguments.of("PURCHASED", "s", List.of(with(good, "count", 1.5)), "rows[0].count must be an integer"),
                Arguments.of("PURCHASED", "s", List.of(with(good, "count", -1L)), "rows[0].count must be an integer of at least 0"),
                Arguments.of("PURCHASED", "s", List.of(with(good, "spend", -2.0)), "rows[0].spend must be at least 0 (or -1 for none)"),
                Arguments.of("PURCHASED", "s", List.of(with(good, "timestamp", "2024")), "rows[0].timestamp must be an integer"),
                Arguments.of("PURCHASED", "s", List.of(with(good, "remove", "yes")), "rows[0].remove must be a boolean"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void bad_arguments_are_refused_with_the_argument_named_and_nothing_written(String type, String source,
            List<?> rows, String message) {
        assertThatThrownBy(() -> call(type, source, rows, false)).hasMessageContaining(message);
        assertThat(neo4j.rows("MATCH ()-[r]->() RETURN r", Map.of())).isEmpty();
    }

    private static Map<String, Object> with(Map<String, Object> row, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(row);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> row, String key) {
        Map<String, Object> copy = new HashMap<>(row);
        copy.remove(key);
        return copy;
    }
}
