package io.kgrec.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.loader.source.Source;
import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.loader.testing.BoltNeo4j;
import io.kgrec.loader.verify.GraphChecksum;
import io.kgrec.model.schema.InteractionType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Relationship;

/**
 * Loading is idempotent and incremental: each file's rows are that file's contribution to the interactions it
 * names, a re-load replaces the file's own contribution, and a new file adds its own.
 */
class IncrementalLoadTest {
    private static final String ITEMS = "item_id\tname\nA\tApple\nB\tBread\nC\tCheese\n";
    private static final String WEEK1 = "customer_id\titem_id\tweight\ttimestamp\n"
            + "c1\tA\t2\t1700000000\nc1\tB\t1\t1700000000\nc2\tA\t1\t1700000000\n";
    private static final String WEEK2 = "customer_id\titem_id\tweight\ttimestamp\n"
            + "c1\tA\t3\t1700600000\nc2\tC\t1\t1700600000\n";
    /** All interactions, with their totals and contributions, in a stable order. */
    private static final String INTERACTIONS = """
            MATCH (c:Customer)-[r]->(i:Item)
            RETURN c.id + '-' + type(r) + '-' + i.id AS key, properties(r) AS props ORDER BY key
            """;

    private static BoltNeo4j neo4j;

    @TempDir
    Path temp;
    private Path shop;

    @BeforeAll
    static void start() {
        neo4j = BoltNeo4j.start();
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void files() throws IOException {
        neo4j.clear();
        shop = Files.createDirectories(temp.resolve("shop"));
        Files.writeString(shop.resolve("items.tsv"), ITEMS);
        Files.writeString(shop.resolve("week1.tsv"), WEEK1);
        Files.writeString(shop.resolve("week2.tsv"), WEEK2);
    }

    private LoadResult load(String... interactionFiles) {
        List<Source> sources = Arrays.stream(interactionFiles)
                .map(f -> (Source) new CanonicalSource(shop, shop.resolve(f), InteractionType.PURCHASED)).toList();
        return new Loader(neo4j.driver(), neo4j.database()).load(sources, temp.resolve("q.tsv"), ZoneOffset.UTC);
    }

    private static List<Map<String, Object>> interactions() {
        return neo4j.driver().executableQuery(INTERACTIONS).execute().records().stream()
                .map(r -> Map.<String, Object>of("key", r.get("key").asString(), "props", r.get("props").asMap()))
                .toList();
    }

    private static Record relationship(String customer, String item) {
        return neo4j.driver().executableQuery("MATCH (:Customer {id: $c})-[r:PURCHASED]->(:Item {id: $i}) RETURN r")
                .withParameters(Map.of("c", customer, "i", item)).execute().records().get(0);
    }

    @Test
    void a_second_file_adds_its_own_contribution_and_the_weight_is_recomputed_from_the_sum() {
        load("week1.tsv");
        load("week2.tsv");

        var r = relationship("c1", "A").get("r").asRelationship();
        assertThat(r.get("sources").asList()).containsExactly("shop/week1.tsv", "shop/week2.tsv");
        assertThat(r.get("sourceRaw").asList()).containsExactly(2.0, 3.0);
        assertThat(r.get("sourceTimestamp").asList()).containsExactly(1_700_000_000L, 1_700_600_000L);
        assertThat(r.containsKey("sourceSpend")).as("no file has money").isFalse();
        assertThat(r.get("raw").asDouble()).isEqualTo(5.0);
        assertThat(r.get("count").asLong()).isEqualTo(2);
        assertThat(r.get("weight").asDouble()).isCloseTo(Math.log(6), within(1e-12));
        assertThat(r.get("timestamp").asLong()).isEqualTo(1_700_600_000L);
        assertThat(interactions()).hasSize(4);
    }

    @Test
    void files_loaded_one_by_one_in_any_order_give_the_interactions_of_one_load_of_all() {
        load("week1.tsv");
        load("week2.tsv");
        List<Map<String, Object>> oneByOne = interactions();
        neo4j.clear();
        load("week2.tsv");
        load("week1.tsv");
        List<Map<String, Object>> reversed = interactions();
        neo4j.clear();
        load("week1.tsv", "week2.tsv");

        assertThat(reversed).isEqualTo(oneByOne);
        assertThat(interactions()).isEqualTo(oneByOne);
    }

    @Test
    void loading_the_same_file_again_changes_nothing() {
        load("week1.tsv");
        load("week2.tsv");
        GraphChecksum.Fingerprint before = GraphChecksum.of(neo4j.driver(), neo4j.database());

        load("week2.tsv");

        assertThat(GraphChecksum.of(neo4j.driver(), neo4j.database())).isEqualTo(before);
    }

    @Test
    void re_loading_an_edited_file_replaces_only_its_own_contribution() throws IOException {
        load("week1.tsv");
        load("week2.tsv");
        Files.writeString(shop.resolve("week1.tsv"), "customer_id\titem_id\tweight\ttimestamp\n"
                + "c2\tA\t4\t1700000000\nc3\tB\t1\t1700000000\n");

        load("week1.tsv");

        var a = relationship("c1", "A").get("r").asRelationship();
        assertThat(a.get("sources").asList()).containsExactly("shop/week2.tsv");
        assertThat(a.get("raw").asDouble()).isEqualTo(3.0);
        assertThat(a.containsKey("sourceRaw")).as("one entry keeps no per-entry arrays").isFalse();
        assertThat(relationship("c2", "A").get("r").asRelationship().get("raw").asDouble()).isEqualTo(4.0);
        assertThat(interactions()).extracting(m -> m.get("key"))
                .containsExactly("c1-PURCHASED-A", "c2-PURCHASED-A", "c2-PURCHASED-C", "c3-PURCHASED-B");
    }

    @Test
    void a_file_whose_rows_are_now_all_quarantined_takes_back_its_whole_contribution() throws IOException {
        load("week1.tsv");
        load("week2.tsv");
        Files.writeString(shop.resolve("week1.tsv"), "customer_id\titem_id\tweight\ttimestamp\nc1\tZ\t1\t1700000000\n");

        LoadResult result = load("week1.tsv");

        assertThat(result.report().totalQuarantined()).isEqualTo(1);
        assertThat(interactions()).extracting(m -> m.get("key")).containsExactly("c1-PURCHASED-A", "c2-PURCHASED-C");
        assertThat(relationship("c1", "A").get("r").asRelationship().get("raw").asDouble()).isEqualTo(3.0);
    }

    @Test
    void a_load_run_again_after_a_crash_half_way_ends_as_a_clean_load() throws IOException {
        load("week1.tsv");
        GraphChecksum.Fingerprint clean = GraphChecksum.of(neo4j.driver(), neo4j.database());
        // What a load of another version of week1 leaves when killed mid-write: its version pending, some of its
        // entries written (c1-B changed, c3-C added), others not yet replaced.
        neo4j.driver().executableQuery("""
                MATCH (s:SourceFile {key: 'shop/week1.tsv'}) SET s.pending = ['another-version']
                WITH s
                MATCH (:Customer {id: 'c1'})-[r:PURCHASED]->(:Item {id: 'B'})
                SET r.sourceRaw = [7.0], r.raw = 7.0
                WITH r
                MERGE (c:Customer {id: 'c3'})
                WITH c MATCH (i:Item {id: 'C'})
                CREATE (c)-[:PURCHASED {sources: ['shop/week1.tsv'], sourceRaw: [1.0], sourceCount: [1],
                        sourceSpend: [-1.0], sourceTimestamp: [1700000000], raw: 1.0, count: 1, weight: 0.69}]->(i)
                """).execute();

        load("week1.tsv");

        GraphChecksum.Fingerprint after = GraphChecksum.of(neo4j.driver(), neo4j.database());
        assertThat(interactions()).extracting(m -> m.get("key"))
                .containsExactly("c1-PURCHASED-A", "c1-PURCHASED-B", "c2-PURCHASED-A");
        // c3 was created by the crashed load; nodes are never deleted by a load, so only interactions are compared
        assertThat(after.relationships()).isEqualTo(clean.relationships());
        assertThat(neo4j.count("MATCH (s:SourceFile {key: 'shop/week1.tsv'}) WHERE s.pending IS NULL RETURN count(s)"))
                .isEqualTo(1);
    }

    @Test
    void ratings_are_weighed_by_their_mean_over_all_files() throws IOException {
        String header = "customer_id\titem_id\tweight\ttimestamp\n";
        Files.writeString(shop.resolve("ratings1.tsv"), header + "c1\tA\t4\t1700000000\nc1\tA\t5\t1700000001\n");
        Files.writeString(shop.resolve("ratings2.tsv"), header + "c1\tA\t3\t1700000002\n");
        List<Source> first = List.of(new CanonicalSource(shop, shop.resolve("ratings1.tsv"), InteractionType.RATED));
        new Loader(neo4j.driver(), neo4j.database()).load(first, temp.resolve("q.tsv"), ZoneOffset.UTC);
        assertThat(rated().get("weight").asDouble()).as("two rows of one file: mean 4.5")
                .isCloseTo(Math.log(1 + 4.5), within(1e-12));

        List<Source> second = List.of(new CanonicalSource(shop, shop.resolve("ratings2.tsv"), InteractionType.RATED));
        new Loader(neo4j.driver(), neo4j.database()).load(second, temp.resolve("q.tsv"), ZoneOffset.UTC);

        var r = rated();
        assertThat(r.get("raw").asDouble()).isEqualTo(12.0);
        assertThat(r.get("count").asLong()).isEqualTo(3);
        assertThat(r.get("weight").asDouble()).isCloseTo(Math.log(1 + 4.0), within(1e-12));
    }

    private static Relationship rated() {
        return neo4j.driver().executableQuery("MATCH (:Customer {id:'c1'})-[r:RATED]->(:Item {id:'A'}) RETURN r")
                .execute().records().get(0).get("r").asRelationship();
    }

    @Test
    void every_load_refreshes_the_customer_profiles() {
        LoadResult result = load("week1.tsv");

        assertThat(result.profiles()).isNotNull();
        assertThat(result.profiles().profiled()).isEqualTo(2);
        assertThat(neo4j.count("MATCH (c:Customer {id: 'c1'}) RETURN c.frequency")).isEqualTo(2);
        assertThat(neo4j.count("MATCH (:Customer)-[h:HAS_AFFINITY]->() RETURN count(h)")).isZero();
        load("week2.tsv");
        assertThat(neo4j.count("MATCH (c:Customer {id: 'c1'}) RETURN c.frequency")).isEqualTo(3);
    }
}
