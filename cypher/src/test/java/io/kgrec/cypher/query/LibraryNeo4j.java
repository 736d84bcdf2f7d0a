package io.kgrec.cypher.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.kgrec.cypher.testing.InProcessNeo4j;
import org.neo4j.gds.catalog.GraphDropProc;
import org.neo4j.gds.catalog.GraphListProc;
import org.neo4j.gds.functions.AsNodeFunc;
import org.neo4j.gds.louvain.LouvainStreamProc;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Path;

/**
 * The JVM's shared in-process Neo4j ({@link InProcessNeo4j}) for the query-library tests, with the GDS procedures the
 * library calls, and {@code gds.graph.list} to check that none of its projections is left behind. Each test class
 * replaces the whole graph before it runs.
 * {@code gds.graph.project} (Cypher aggregation) needs no registration: GDS's own Neo4j extension on the test
 * classpath registers it, as the opengds extension provides what the GDS procedures inject.
 */
final class LibraryNeo4j {
    private static InProcessNeo4j neo4j;

    private LibraryNeo4j() {
    }

    /** Replaces the whole graph by what {@code create} creates. */
    static synchronized void replaceGraph(String create) {
        db().executeTransactionally("MATCH (n) DETACH DELETE n");
        db().executeTransactionally(create);
    }

    /** Runs the library query's file exactly as it is. */
    static List<Map<String, Object>> run(String queryName, Map<String, Object> parameters) {
        String text = QueryLibrary.load().get(queryName).text();
        return rows(text, parameters);
    }

    /** Rows with every path read into a {@link PathRead} while the transaction is open. */
    static List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return db().executeTransactionally(cypher, parameters, result -> result.stream().map(row -> {
            Map<String, Object> read = new HashMap<>(row);
            read.replaceAll((column, value) -> value instanceof Path p ? PathRead.of(p) : value);
            return read;
        }).toList());
    }

    /** A path's nodes (their id, else key) and relationship types, readable after its transaction has closed. */
    record PathRead(List<Object> nodes, List<String> types) {
        static PathRead of(Path path) {
            List<Object> nodes = new ArrayList<>();
            path.nodes().forEach(n -> nodes.add(n.getProperty("id", n.getProperty("key", null))));
            List<String> types = new ArrayList<>();
            path.relationships().forEach(r -> types.add(r.getType().name()));
            return new PathRead(nodes, types);
        }
    }

    private static synchronized GraphDatabaseService db() {
        if (neo4j == null) {
            neo4j = InProcessNeo4j.start(LouvainStreamProc.class, GraphDropProc.class, GraphListProc.class,
                    AsNodeFunc.class);
        }
        return neo4j.db();
    }
}
