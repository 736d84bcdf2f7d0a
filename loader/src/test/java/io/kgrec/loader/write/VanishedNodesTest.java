package io.kgrec.loader.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kgrec.loader.LoadException;
import io.kgrec.loader.progress.ProgressBar;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.InteractionAggregate;
import io.kgrec.loader.stage.InteractionKey;
import io.kgrec.loader.testing.BoltNeo4j;
import io.kgrec.model.schema.InteractionType;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A relationship row whose customer, item or entity is no longer in the graph (deleted between the loader's node and
 * relationship phases, by an erasure say) fails its batch with an error that says so, and nothing of the batch is
 * written; a MATCH alone would have dropped the row without a word. The statements are the Cypher path's, which a
 * server without the kgrec plugin runs.
 */
class VanishedNodesTest {
    private static final String FILE = "shop/transactions.csv";
    private static BoltNeo4j neo4j;
    private ExecutorService pool;
    private ProgressBar progress;
    private Batches batches;

    @BeforeAll
    static void start() {
        neo4j = BoltNeo4j.start();
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    @BeforeEach
    void graph() {
        neo4j.clear();
        neo4j.driver().executableQuery("""
                CREATE (:Customer {id: 'c1'}), (:Item {id: 'i1'}), (:Item {id: 'i2'}),
                       (:Entity {key: 'brand|x'}), (:Coupon {upc: 'u1'}), (:Campaign {id: 'k1'})
                """).execute();
        pool = Executors.newSingleThreadExecutor();
        progress = ProgressBar.start("test", 10, new PrintStream(OutputStream.nullOutputStream()), false);
        batches = new Batches(neo4j.driver(), neo4j.database(), 1_000, 1, pool, progress);
    }

    @AfterEach
    void close() {
        progress.close();
        pool.shutdownNow();
    }

    @Test
    void interactions_naming_an_erased_customer_fail_the_batch_and_write_none_of_it() {
        InteractionWriter writer = new InteractionWriter(neo4j.driver(), neo4j.database(), batches,
                new SourceRegister(neo4j.driver(), neo4j.database()), false);
        GraphData staged = new GraphData();
        staged.addInteraction(FILE, "c1", "i1", InteractionType.PURCHASED, 1.0, 2.5, 1_700_000_000L);
        staged.addInteraction(FILE, "c-erased", "i2", InteractionType.PURCHASED, 1.0, 2.5, 1_700_000_000L);
        Map<InteractionKey, InteractionAggregate> rows = new LinkedHashMap<>(staged.interactionsBySource().get(FILE));

        assertThatThrownBy(() -> writer.write(FILE, rows))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("shop/transactions.csv: interactions: 1 of 2 rows")
                .hasMessageContaining("no longer in the graph");
        assertThat(neo4j.count("MATCH ()-[r:PURCHASED]->() RETURN count(r)")).isZero();

        rows.remove(new InteractionKey("c-erased", "i2", InteractionType.PURCHASED));
        writer.write(FILE, rows);
        assertThat(neo4j.count("MATCH (:Customer {id: 'c1'})-[r:PURCHASED]->(:Item {id: 'i1'}) RETURN count(r)"))
                .as("a load again writes it").isEqualTo(1);
    }

    @Test
    void a_fact_whose_entity_is_gone_fails_its_batch_but_a_fact_already_there_is_no_failure() {
        Batches.Check check = Batches.everyRowMatched("knowledge-graph facts");
        List<Map<String, Object>> present = List.of(fact("i1", "MADE_BY", "brand|x"));
        batches.run(NodeStatements.ITEM_TO_ENTITY, Map.of(), present, row -> row, null, check);
        batches.run(NodeStatements.ITEM_TO_ENTITY, Map.of(), present, row -> row, null, check);
        assertThat(neo4j.count("MATCH (:Item)-[r:MADE_BY]->(:Entity) RETURN count(r)"))
                .as("written once, and found again the second time").isEqualTo(1);

        List<Map<String, Object>> oneGone = List.of(fact("i2", "MADE_BY", "brand|x"), fact("i1", "MADE_BY",
                "brand|erased"));
        assertThatThrownBy(() -> batches.run(NodeStatements.ITEM_TO_ENTITY, Map.of(), oneGone, row -> row, null, check))
                .isInstanceOf(LoadException.class).hasMessageStartingWith("knowledge-graph facts: 1 of 2 rows");
        assertThat(neo4j.count("MATCH (:Item {id: 'i2'})-[r]->() RETURN count(r)")).isZero();
    }

    @Test
    void a_coupon_link_to_a_missing_product_fails_its_batch() {
        List<Map<String, Object>> links = List.of(Map.of("from", "u1", "to", "i1"), Map.of("from", "u1", "to", "gone"));

        assertThatThrownBy(() -> batches.run(MarketingStatements.APPLIES_TO, Map.of(), links, row -> row, null,
                Batches.everyRowMatched("coupon products (APPLIES_TO)")))
                .isInstanceOf(LoadException.class).hasMessageStartingWith("coupon products (APPLIES_TO): 1 of 2 rows");
        assertThat(neo4j.count("MATCH ()-[r:APPLIES_TO]->() RETURN count(r)")).isZero();
    }

    private static Map<String, Object> fact(String head, String type, String tail) {
        return Map.of("head", head, "type", type, "tail", tail);
    }
}
