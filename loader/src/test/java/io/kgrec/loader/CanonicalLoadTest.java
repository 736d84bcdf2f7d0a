package io.kgrec.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.loader.source.canonical.CanonicalSource;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.testing.BoltNeo4j;
import io.kgrec.loader.verify.GraphChecksum;
import io.kgrec.model.schema.InteractionType;
import io.kgrec.model.schema.Migrations;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;

class CanonicalLoadTest {
    private static BoltNeo4j neo4j;
    private static Path fixture;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws URISyntaxException {
        neo4j = BoltNeo4j.start();
        fixture = Path.of(CanonicalLoadTest.class.getResource("/canonical-small").toURI());
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void empty() {
        neo4j.clear();
    }

    private LoadResult load(Path folder) {
        return new Loader(neo4j.driver(), neo4j.database()).load(
                List.of(CanonicalSource.of(folder, InteractionType.PURCHASED)), temp.resolve("quarantine.tsv"),
                ZoneOffset.UTC);
    }

    private FileAccount account(LoadResult result, String fileName) {
        return result.report().accounts().stream()
                .filter(a -> a.file().getFileName().toString().equals(fileName)).findFirst().orElseThrow();
    }

    @Test
    void every_row_ends_loaded_merged_or_quarantined() {
        LoadResult result = load(fixture);

        FileAccount interactions = account(result, "interactions.tsv");
        assertThat(interactions.readCount()).isEqualTo(13);
        assertThat(interactions.loadedCount()).isEqualTo(7);
        assertThat(interactions.mergedCount()).isEqualTo(1);
        assertThat(interactions.quarantinedByReason()).containsOnly(
                Map.entry(RejectReason.UNKNOWN_ITEM, 1L), Map.entry(RejectReason.NON_POSITIVE_QUANTITY, 1L),
                Map.entry(RejectReason.BAD_NUMBER, 1L), Map.entry(RejectReason.BAD_TIMESTAMP, 1L),
                Map.entry(RejectReason.WRONG_FIELD_COUNT, 1L));
        FileAccount triples = account(result, "triples.tsv");
        assertThat(triples.loadedCount()).isEqualTo(7);
        assertThat(triples.quarantinedByReason()).containsOnly(
                Map.entry(RejectReason.UNKNOWN_ITEM, 1L), Map.entry(RejectReason.BAD_ENTITY_KEY, 1L));
        assertThat(result.report().accounts()).allMatch(FileAccount::balances);
    }

    @Test
    void quarantine_file_names_file_line_reason_and_raw_row() throws IOException {
        load(fixture);

        List<String> lines = Files.readAllLines(temp.resolve("quarantine.tsv"));
        assertThat(lines.get(0)).isEqualTo("file\tline\treason\tdetail\traw");
        assertThat(lines).hasSize(1 + 7);
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .startsWith(fixture.resolve("interactions.tsv") + "\t11\tNON_POSITIVE_QUANTITY\tweight is 0\t")
                .endsWith("c4\\tA\\t0\\t1700000000"));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\t8\tUNKNOWN_ITEM\thead 'Z' is not in the catalogue"));
    }

    @Test
    void builds_customers_items_entities_facts_and_interactions() {
        load(fixture);

        assertThat(neo4j.count("MATCH (c:Customer) RETURN count(c)")).isEqualTo(3);
        assertThat(neo4j.count("MATCH (i:Item) RETURN count(i)")).isEqualTo(5);
        assertThat(neo4j.count("MATCH (e:Entity) RETURN count(e)")).isEqualTo(4);
        assertThat(neo4j.count("MATCH (:Item)-[:MADE_BY]->(:Entity:Brand {name:'X'}) RETURN count(*)")).isEqualTo(2);
        assertThat(neo4j.count("MATCH (:Item {id:'A'})-[:SIMILAR_FLAVOUR]->(:Item {id:'B'}) RETURN count(*)")).isEqualTo(1);
        assertThat(neo4j.count("MATCH (:Entity:Brand)-[:FOUNDED_IN]->(:Entity:Country) RETURN count(*)")).isEqualTo(1);
        assertThat(neo4j.count("MATCH (:Customer)-[r:PURCHASED]->(:Item) RETURN count(r)")).isEqualTo(7);
        assertThat(neo4j.count("MATCH (c:Customer {id:'c1'}) RETURN c.age")).isEqualTo(34);
        assertThat(neo4j.count("MATCH (i:Item {id:'D'}) RETURN count(i.name)")).isZero();
    }

    @Test
    void merges_duplicate_rows_summing_weights_and_keeping_the_latest_time() {
        load(fixture);

        Record r = neo4j.driver().executableQuery(
                "MATCH (:Customer {id:'c3'})-[r:PURCHASED]->(:Item {id:'D'}) RETURN r.raw AS raw, r.count AS count, "
                        + "r.weight AS weight, r.timestamp AS ts").execute().records().get(0);
        assertThat(r.get("raw").asDouble()).isEqualTo(5.0);
        assertThat(r.get("count").asLong()).isEqualTo(2);
        assertThat(r.get("weight").asDouble()).isCloseTo(Math.log(6), within(1e-12));
        assertThat(r.get("ts").asLong()).isEqualTo(1_700_000_500L);
        assertThat(neo4j.count("MATCH (:Customer {id:'c1'})-[r]->(:Item {id:'B'}) RETURN r.timestamp"))
                .isEqualTo(1_700_000_000L);
    }

    @Test
    void loading_the_same_files_twice_changes_nothing() {
        load(fixture);
        GraphChecksum.Fingerprint first = GraphChecksum.of(neo4j.driver(), neo4j.database());
        load(fixture);
        GraphChecksum.Fingerprint second = GraphChecksum.of(neo4j.driver(), neo4j.database());

        assertThat(second).isEqualTo(first);
        // customers, items, entities, schema migrations, and one :SourceFile per file read
        assertThat(first.nodes()).isEqualTo(3 + 5 + 4 + Migrations.all().size() + 4);
        // facts, interactions, and the profiles' affinities
        assertThat(first.relationships()).isEqualTo(7 + 7
                + neo4j.count("MATCH (:Customer)-[h:HAS_AFFINITY]->() RETURN count(h)"));
    }

    @Test
    void a_missing_file_or_wrong_header_stops_the_load_and_leaves_the_graph_as_it_was() throws IOException {
        load(fixture);
        GraphChecksum.Fingerprint before = GraphChecksum.of(neo4j.driver(), neo4j.database());

        Path broken = temp.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(fixture.resolve("items.tsv"), broken.resolve("items.tsv"));
        assertThatThrownBy(() -> load(broken)).isInstanceOf(LoadException.class)
                .hasMessage(broken.resolve("interactions.tsv") + ": the file does not exist");

        Files.writeString(broken.resolve("interactions.tsv"), "customer\titem_id\tweight\nc9\tA\t1\n");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(LoadException.class)
                .hasMessageStartingWith(broken.resolve("interactions.tsv") + ":1: the header has no column 'customer_id'");

        Files.write(broken.resolve("interactions.tsv"), new byte[] {'c', 'u', 's', 't', 'o', 'm', 'e', 'r', '_', 'i',
                'd', '\t', 'i', 't', 'e', 'm', '_', 'i', 'd', '\t', 'w', 'e', 'i', 'g', 'h', 't', '\n', 'c', '9', '\t',
                'A', '\t', '1', '\n', (byte) 0xC3, (byte) 0x28, '\t', 'A', '\t', '1', '\n'});
        assertThatThrownBy(() -> load(broken)).isInstanceOf(LoadException.class)
                .hasMessageStartingWith(broken.resolve("interactions.tsv") + ":3: the file is not valid UTF-8");

        assertThat(GraphChecksum.of(neo4j.driver(), neo4j.database())).isEqualTo(before);
    }
}
