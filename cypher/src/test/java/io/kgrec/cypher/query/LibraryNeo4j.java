package io.kgrec.cypher.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.gds.catalog.GraphDropProc;
import org.neo4j.gds.catalog.GraphListProc;
import org.neo4j.gds.functions.AsNodeFunc;
import org.neo4j.gds.louvain.LouvainStreamProc;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Path;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;

/**
 * One real in-process Neo4j for all query-library tests in this JVM (starting one costs seconds), with just the GDS
 * procedures the library calls, and {@code gds.graph.list} to check that none of its projections is left behind.
 * {@code gds.graph.project} (Cypher aggregation) needs no registration: GDS's own Neo4j extension on the test
 * classpath registers it, as the opengds extension provides what the GDS procedures inject.
 */
final class LibraryNeo4j {
    private static Neo4j neo4j;

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
            neo4j = Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                    .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*"))
                    .withProcedure(LouvainStreamProc.class)
                    .withProcedure(GraphDropProc.class)
                    .withProcedure(GraphListProc.class)
                    .withFunction(AsNodeFunc.class)
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
        }
        return neo4j.defaultDatabaseService();
    }
}
