package io.kgrec.cypher.load;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.model.schema.InteractionProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Writes one file's contributions through the core API: both ends by their unique {@code id} (the constraint's
 * index), the relationship of the type between them found among the cheaper side's relationships and created when
 * absent, then the bookkeeping of {@link Entries}. It does what the loader's {@code CONTRIBUTE} statement does, without
 * planning and interpreting Cypher for each batch.
 *
 * <p>Finding before creating is safe only because one transaction at a time writes a customer's interactions of a
 * type: the loader partitions rows by customer, so two writers never look for the same relationship at once.
 */
final class ContributionWriter {
    /** Below this degree, scanning one end's relationships is cheaper than indexing the customer's. */
    private static final int SCAN_LIMIT = 32;
    private static final int EXAMPLES = 10;
    private static final String[] KEYS = {InteractionProperties.SOURCES, InteractionProperties.SOURCE_RAW,
        InteractionProperties.SOURCE_COUNT, InteractionProperties.SOURCE_SPEND, InteractionProperties.SOURCE_TIMESTAMP,
        InteractionProperties.RAW, InteractionProperties.COUNT, InteractionProperties.SPEND,
        InteractionProperties.TIMESTAMP};

    private final Transaction tx;
    private final RelationshipType type;
    private final String source;
    private final boolean rating;
    private final boolean onlySource;
    private final Map<String, Node> items = new HashMap<>();
    private final Map<String, Integer> rowsPerCustomer = new HashMap<>();
    private String customerId;
    private Node customer;
    /** The current customer's relationships of the type by item, or {@code null} when rows scan instead. */
    private Map<Node, List<Relationship>> byItem;
    private long written;
    private long created;
    private long deleted;
    private long missing;
    private final List<String> missingExamples = new ArrayList<>();

    /**
     * @param onlySource no other file contributes to the type, so whatever entries a relationship holds are this
     *                   file's own and are replaced without being read
     */
    ContributionWriter(Transaction tx, RelationshipType type, String source, boolean rating, boolean onlySource) {
        this.tx = tx;
        this.type = type;
        this.source = source;
        this.rating = rating;
        this.onlySource = onlySource;
    }

    ContributeResult write(List<ContributionRow> rows) {
        // A customer's rows together, so each customer is looked up and indexed once per call however the caller
        // ordered them; the sort is stable, so rows of the same interaction keep their order.
        List<ContributionRow> byCustomer = new ArrayList<>(rows);
        byCustomer.sort(Comparator.comparing(ContributionRow::customer));
        for (ContributionRow row : byCustomer) {
            rowsPerCustomer.merge(row.customer(), 1, Integer::sum);
        }
        for (ContributionRow row : byCustomer) {
            apply(row);
        }
        return new ContributeResult(rows.size(), written, created, deleted, missing, List.copyOf(missingExamples));
    }

    private void apply(ContributionRow row) {
        Node c = customer(row.customer());
        Node i = items.computeIfAbsent(row.item(), id -> tx.findNode(GraphSchema.ITEM, "id", id));
        if (c == null || i == null) {
            missing++;
            if (missingExamples.size() < EXAMPLES) {
                missingExamples.add(c == null ? "customer " + row.customer() : "item " + row.item());
            }
            return;
        }
        written++;
        List<Relationship> existing = existing(c, i);
        if (existing.isEmpty()) {
            Entries entries = Entries.NONE.with(source, row);
            if (!entries.isEmpty()) {
                Relationship r = c.createRelationshipTo(i, type);
                created++;
                write(r, entries.properties(rating), true);
                if (byItem != null) {
                    byItem.computeIfAbsent(i, n -> new ArrayList<>(1)).add(r);
                }
            }
            return;
        }
        // MERGE would set every matching relationship, so a duplicate gets the same treatment
        for (Relationship r : List.copyOf(existing)) {
            Entries old = onlySource ? Entries.NONE : Entries.read(r.getProperties(KEYS)::get);
            Entries entries = old.with(source, row);
            if (entries.isEmpty()) {
                r.delete();
                deleted++;
                existing.remove(r);
            } else {
                write(r, entries.properties(rating), false);
            }
        }
    }

    private Node customer(String id) {
        if (!id.equals(customerId)) {
            customerId = id;
            customer = tx.findNode(GraphSchema.CUSTOMER, "id", id);
            byItem = customer == null ? null : index(customer, rowsPerCustomer.get(id));
        }
        return customer;
    }

    /**
     * Indexes the customer's relationships of the type by item when that costs less than scanning for each of the
     * customer's rows: always when there are none yet (a first load), never for a heavy customer with few rows.
     */
    private Map<Node, List<Relationship>> index(Node c, int rows) {
        int degree = c.getDegree(type, Direction.OUTGOING);
        if (degree > SCAN_LIMIT && degree > (long) rows * SCAN_LIMIT) {
            return null;
        }
        Map<Node, List<Relationship>> index = new HashMap<>(Math.max(16, 2 * (degree + rows)));
        if (degree > 0) {
            try (var relationships = c.getRelationships(Direction.OUTGOING, type)) {
                for (Relationship r : relationships) {
                    index.computeIfAbsent(r.getEndNode(), n -> new ArrayList<>(1)).add(r);
                }
            }
        }
        return index;
    }

    /** The relationships of the type from c to i: from the customer's index, else by scanning the smaller side. */
    private List<Relationship> existing(Node c, Node i) {
        if (byItem != null) {
            return byItem.getOrDefault(i, new ArrayList<>(0));
        }
        List<Relationship> found = new ArrayList<>(1);
        boolean fromItem = i.getDegree(type, Direction.INCOMING) < c.getDegree(type, Direction.OUTGOING);
        try (var relationships = fromItem ? i.getRelationships(Direction.INCOMING, type)
                : c.getRelationships(Direction.OUTGOING, type)) {
            for (Relationship r : relationships) {
                if (fromItem ? r.getStartNode().equals(c) : r.getEndNode().equals(i)) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    private static void write(Relationship r, Object[] properties, boolean fresh) {
        for (int k = 0; k < properties.length; k++) {
            if (properties[k] != null) {
                r.setProperty(Entries.KEYS[k], properties[k]);
            } else if (!fresh) {
                r.removeProperty(Entries.KEYS[k]);
            }
        }
    }
}
