package io.kgrec.cypher.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.kgrec.cypher.model.TrainingData;
import io.kgrec.cypher.testing.InProcessNeo4j;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.Transaction;

/** What anomaly flags (by scope and review status) and consent keep out of the training export. */
class GraphExportExclusionTest {
    /**
     * bot is flagged as a whole (open); fan is flagged as a whole but the flag was dismissed; burst has an open
     * interaction-scope flag marking its purchase of B only; old has a dismissed interaction flag on C; private opted
     * out of profiling.
     */
    private static final String GRAPH = """
            CREATE (a:Item {id: 'A'}), (b:Item {id: 'B'}), (c:Item {id: 'C'}),
                   (bot:Customer {id: 'bot'}), (fan:Customer {id: 'fan'}), (burst:Customer {id: 'burst'}),
                   (old:Customer {id: 'old'}), (plain:Customer {id: 'plain'}),
                   (private:Customer {id: 'private', profilingOptOut: true}),
                   (private)-[:PURCHASED {raw: 1.0}]->(a),
                   (push:Anomaly {key: 'PUSH_GROUP:A'}), (bb:Anomaly {key: 'BURST:burst'}),
                   (ob:Anomaly {key: 'BURST:old'}),
                   (bot)-[:PURCHASED {raw: 1.0}]->(a), (bot)-[:PURCHASED {raw: 1.0}]->(b),
                   (fan)-[:PURCHASED {raw: 1.0}]->(a),
                   (burst)-[:PURCHASED {raw: 1.0}]->(a),
                   (burst)-[:PURCHASED {raw: 1.0, kgrecFlagged: ['BURST:burst']}]->(b),
                   (old)-[:PURCHASED {raw: 1.0, kgrecFlagged: ['BURST:old']}]->(c),
                   (plain)-[:PURCHASED {raw: 1.0}]->(c),
                   (bot)-[:FLAGGED {status: 'open', scope: 'customer'}]->(push),
                   (fan)-[:FLAGGED {status: 'dismissed', scope: 'customer'}]->(push),
                   (burst)-[:FLAGGED {status: 'open', scope: 'interactions'}]->(bb),
                   (old)-[:FLAGGED {status: 'dismissed', scope: 'interactions'}]->(ob)
            """;

    private static InProcessNeo4j neo4j;

    @BeforeAll
    static void start() {
        neo4j = InProcessNeo4j.start();
        neo4j.run(GRAPH);
    }

    @AfterAll
    static void stop() {
        neo4j.close();
    }

    private static TrainingData export(boolean excludeFlagged) {
        try (Transaction tx = neo4j.db().beginTx()) {
            return GraphExport.read(tx, excludeFlagged).data();
        }
    }

    @Test
    void leaves_out_customers_flagged_as_a_whole_and_flagged_interactions_unless_dismissed() {
        TrainingData data = export(true);

        assertThat(data.customerIds()).containsExactly("burst", "fan", "old", "plain");
        assertThat(data.interactions().nonZeros()).isEqualTo(4); // burst–A, fan–A, old–C, plain–C
    }

    @Test
    void reads_everything_but_opted_out_customers_when_told_not_to_exclude() {
        TrainingData data = export(false);

        assertThat(data.customerIds()).containsExactly("bot", "burst", "fan", "old", "plain");
        assertThat(data.interactions().nonZeros()).isEqualTo(7);
    }
}
