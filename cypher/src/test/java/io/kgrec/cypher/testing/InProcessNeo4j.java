package io.kgrec.cypher.testing;

import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;

/** A real in-process Neo4j with kgrec's procedures registered, for procedure and query tests. */
public final class InProcessNeo4j implements AutoCloseable {
    private final Neo4j neo4j;

    private InProcessNeo4j(Neo4j neo4j) {
        this.neo4j = neo4j;
    }

    public static InProcessNeo4j start(Class<?>... procedures) {
        // A page cache big enough for a trained model on the benchmark data: the default is too small, and page
        // faults would then dominate every measurement.
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                .withConfig(GraphDatabaseSettings.pagecache_memory, 512L * 1024 * 1024);
        for (Class<?> p : procedures) {
            builder = builder.withProcedure(p);
        }
        return new InProcessNeo4j(builder.build());
    }

    public GraphDatabaseService db() {
        return neo4j.defaultDatabaseService();
    }

    public void run(String cypher) {
        db().executeTransactionally(cypher);
    }

    public List<Map<String, Object>> rows(String cypher, Map<String, Object> params) {
        return db().executeTransactionally(cypher, params, r -> r.stream().toList());
    }

    public void clear() {
        run("MATCH (n) DETACH DELETE n");
    }

    @Override
    public void close() {
        neo4j.close();
    }
}
