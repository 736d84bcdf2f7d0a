package io.kgrec.cypher.testing;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.schema.ConstraintDefinition;
import org.neo4j.graphdb.schema.IndexDefinition;
import org.neo4j.graphdb.schema.IndexType;

/**
 * Brings a database that test classes share back to what a fresh one holds: no nodes, no relationships, no constraints
 * and no indexes but the two token lookups every database has.
 */
public final class DatabaseReset {
    private DatabaseReset() {
    }

    public static void deleteData(GraphDatabaseService db) {
        db.executeTransactionally("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS");
    }

    public static void reset(GraphDatabaseService db) {
        deleteData(db);
        try (Transaction tx = db.beginTx()) {
            tx.schema().getConstraints().forEach(ConstraintDefinition::drop);
            tx.commit();
        }
        try (Transaction tx = db.beginTx()) {
            for (IndexDefinition index : tx.schema().getIndexes()) {
                if (index.getIndexType() != IndexType.LOOKUP) {
                    index.drop();
                }
            }
            tx.commit();
        }
    }
}
