package io.kgrec.cypher.testing;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.internal.kernel.api.exceptions.ProcedureException;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A real in-process Neo4j with kgrec's procedures registered, for procedure and query tests. One database serves
 * every test class of the JVM (starting one costs 5–15 s): {@link #start} hands it out empty, with no constraints, no
 * indexes and no model in the plugin's memory, and registers the procedures the class asks for; {@link #close} empties
 * it again. Test classes run one after another, so two never share it at once.
 */
public final class InProcessNeo4j implements AutoCloseable {
    private static InProcessNeo4j shared;

    private final Neo4j neo4j;
    private final Set<String> registered = new HashSet<>();

    private InProcessNeo4j(Neo4j neo4j) {
        this.neo4j = neo4j;
    }

    /** The JVM's database, emptied, with these procedure and function classes registered. */
    public static synchronized InProcessNeo4j start(Class<?>... procedures) {
        if (shared == null) {
            // A page cache big enough for a trained model on the benchmark data: the default is too small, and page
            // faults would then dominate every measurement. GDS procedures are unrestricted as on a real server.
            shared = new InProcessNeo4j(Neo4jBuilders.newInProcessBuilder().withDisabledServer()
                    .withConfig(GraphDatabaseSettings.pagecache_memory, 512L * 1024 * 1024)
                    .withConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("gds.*", "kgrec.*"))
                    .build());
            Runtime.getRuntime().addShutdownHook(new Thread(shared.neo4j::close));
        }
        shared.empty();
        shared.register(procedures);
        return shared;
    }

    public GraphDatabaseService db() {
        return neo4j.defaultDatabaseService();
    }

    public void run(String cypher) {
        db().executeTransactionally(cypher);
    }

    public List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return db().executeTransactionally(cypher, parameters, r -> r.stream().toList());
    }

    /** Deletes every node and relationship; the schema stays. */
    public void clear() {
        DatabaseReset.deleteData(db());
    }

    /** Leaves the database empty for the next test class; the database itself lives as long as the JVM. */
    @Override
    public void close() {
        empty();
    }

    private void empty() {
        DatabaseReset.reset(db());
        // The plugin keeps the serving model's snapshot per database; a new graph's model 1 is not the old one.
        register(ForgetModelsProc.class);
        run("CALL kgrec.testing.forgetModels()");
    }

    private void register(Class<?>... procedures) {
        GlobalProcedures registry = globalProcedures();
        for (Class<?> type : procedures) {
            if (registered.add(type.getName())) {
                try {
                    registry.registerProcedure(type);
                    registry.registerFunction(type);
                } catch (ProcedureException e) {
                    throw new IllegalStateException("cannot register " + type.getName(), e);
                }
            }
        }
    }

    private GlobalProcedures globalProcedures() {
        return ((GraphDatabaseAPI) db()).getDependencyResolver().resolveDependency(GlobalProcedures.class);
    }
}
