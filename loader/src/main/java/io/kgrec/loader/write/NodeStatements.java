package io.kgrec.loader.write;

/**
 * The parameterised statements that write nodes and knowledge-graph facts. Every statement MERGEs on a natural key
 * (or checks before it creates) and SETs values computed from the input alone, so writing the same rows again, or
 * again after a crash half-way, leaves the same graph.
 */
final class NodeStatements {
    static final String CUSTOMERS = """
            UNWIND $rows AS row
            MERGE (c:Customer {id: row.id})
            SET c += row.props
            """;
    /** A later load fills a missing name but never blanks an existing one. */
    static final String ITEMS = """
            UNWIND $rows AS row
            MERGE (i:Item {id: row.id})
            SET i += row.props, i.name = CASE row.name WHEN '' THEN i.name ELSE row.name END
            """;
    static final String ENTITIES = """
            UNWIND $rows AS row
            MERGE (e:Entity {key: row.key})
            SET e.type = row.type, e.name = row.name, e:$(row.label)
            """;
    /*
     * Facts have types named by the data, so the type is dynamic. MERGE with a dynamic type is planned without the
     * per-type degree shortcut and scans the dense entity side (about 2,500 rows/s on the Complete Journey); looking
     * for the fact among the head's few outgoing relationships and CREATEing it when absent is about 15 times faster.
     * It is safe because one writer owns each head node (the writer partitions facts by head). A fact already there
     * is still counted in {@code matched}: only a missing end makes the count fall short.
     */
    static final String ITEM_TO_ENTITY = """
            UNWIND $rows AS row
            MATCH (h:Item {id: row.head})
            MATCH (t:Entity {key: row.tail})
            CALL (h, t, row) {
              WITH h, t, row
              WHERE none(o IN [(h)-[r]->(o) WHERE type(r) = row.type | o] WHERE o = t)
              CREATE (h)-[:$(row.type)]->(t)
            }
            RETURN count(*) AS matched
            """;
    static final String ITEM_TO_ITEM = """
            UNWIND $rows AS row
            MATCH (h:Item {id: row.head})
            MATCH (t:Item {id: row.tail})
            CALL (h, t, row) {
              WITH h, t, row
              WHERE none(o IN [(h)-[r]->(o) WHERE type(r) = row.type | o] WHERE o = t)
              CREATE (h)-[:$(row.type)]->(t)
            }
            RETURN count(*) AS matched
            """;
    static final String ENTITY_TO_ITEM = """
            UNWIND $rows AS row
            MATCH (h:Entity {key: row.head})
            MATCH (t:Item {id: row.tail})
            CALL (h, t, row) {
              WITH h, t, row
              WHERE none(o IN [(h)-[r]->(o) WHERE type(r) = row.type | o] WHERE o = t)
              CREATE (h)-[:$(row.type)]->(t)
            }
            RETURN count(*) AS matched
            """;
    static final String ENTITY_TO_ENTITY = """
            UNWIND $rows AS row
            MATCH (h:Entity {key: row.head})
            MATCH (t:Entity {key: row.tail})
            CALL (h, t, row) {
              WITH h, t, row
              WHERE none(o IN [(h)-[r]->(o) WHERE type(r) = row.type | o] WHERE o = t)
              CREATE (h)-[:$(row.type)]->(t)
            }
            RETURN count(*) AS matched
            """;

    private NodeStatements() {
    }
}
