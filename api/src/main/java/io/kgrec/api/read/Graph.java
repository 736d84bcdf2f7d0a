package io.kgrec.api.read;

import io.kgrec.api.graph.GraphConnection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.springframework.stereotype.Component;

/** Runs parameterised read queries in managed transactions against the configured database. */
@Component
public class Graph {
    private final GraphConnection connection;

    public Graph(GraphConnection connection) {
        this.connection = connection;
    }

    public <T> List<T> read(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        try (Session session = connection.driver().session(SessionConfig.forDatabase(connection.database()))) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list(mapper::apply));
        }
    }
}
