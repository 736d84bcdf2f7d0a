package io.kgrec.cypher.train;

import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.logging.Log;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/** {@code kgrec.train}: learns the hybrid model from the graph and stores it in the graph. */
public class TrainProc {
    @Context
    public GraphDatabaseService db;

    @Context
    public Transaction tx;

    @Context
    public Log log;

    @Procedure(name = "kgrec.train", mode = Mode.WRITE)
    @Description("Trains the hybrid recommender on the interactions and knowledge graph in the database: tunes on a "
            + "hold-out carved from the data (seeded), trains, and writes item–item SIMILAR_TO relationships, item "
            + "popularity and segment priors under a new :Model version, which then serves. Watch progress with "
            + "MATCH (m:Model {status: 'running'}) RETURN m.phase, m.phaseProgress, m.progress (published at each phase "
            + "change and at most once a second within a phase). Configuration: seed (42), "
            + "writeBatchSize (5000; small batches hold item locks briefly, so feedback writes are not kept "
            + "waiting), excludeFlagged (true: leave out customers and interactions that open or confirmed "
            + "kgrec.anomaly.detect flags cover), tuningScores (2^28: the tuner scores at most tuningScores / items "
            + "sampled hold-out customers, which bounds its memory on very large graphs).")
    public Stream<TrainResult> train(
            @Name(value = "configuration", defaultValue = "{}") Map<String, Object> configuration) {
        return Stream.of(new Training(db, tx, log, TrainConfig.of(configuration)).run());
    }
}
