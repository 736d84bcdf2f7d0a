package io.kgrec.cypher.privacy;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.model.schema.Labels;
import io.kgrec.model.schema.ModelProperties;
import io.kgrec.model.schema.ModelRelationships;
import io.kgrec.model.schema.RiskNames;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * Erases one customer in one transaction: their node with its interactions, impressions, profile and affinities;
 * their anomaly flags (and any anomaly that named only them); every audit-log record of what they were served; and
 * the model state derived from them alone: the weights, popularity and segment shares of items nobody else
 * interacted with. The rest of the model is an aggregate over many customers; the next training leaves them out
 * entirely. When model state was removed the model's revision is bumped, so every serving instance reloads it.
 */
final class Erasure {
    private static final RelationshipType FLAGGED = RelationshipType.withName(RiskNames.FLAGGED);
    private static final RelationshipType SHOWN = RelationshipType.withName(ModelRelationships.SHOWN);
    private static final RelationshipType HAS_AFFINITY = RelationshipType.withName(ModelRelationships.HAS_AFFINITY);
    private static final RelationshipType SIMILAR_TO = RelationshipType.withName(ModelRelationships.SIMILAR_TO);
    private static final RelationshipType FAVOURS = RelationshipType.withName(ModelRelationships.FAVOURS);
    private static final Label MODEL = Label.label(Labels.MODEL);
    private static final String DELETE_SERVED_LISTS = """
            MATCH (l:ServedList {customerId: $customerId})
            DETACH DELETE l
            RETURN count(*) AS deleted
            """;

    private final Transaction tx;

    Erasure(Transaction tx) {
        this.tx = tx;
    }

    /**
     * @throws IllegalArgumentException if no customer has this id
     */
    ErasureResult erase(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be empty");
        }
        Node customer = tx.findNode(GraphSchema.CUSTOMER, "id", customerId);
        if (customer == null) {
            throw new IllegalArgumentException("customer '" + customerId + "' does not exist");
        }
        Set<Node> onlyTheirs = itemsOnlyTheyHad(customer);
        long modelState = 0;
        for (Node item : onlyTheirs) {
            modelState += forgetModelState(item);
        }
        if (modelState > 0) {
            bumpModelRevisions();
        }
        int interactions = interactions(customer, Direction.OUTGOING);
        int impressions = customer.getDegree(SHOWN);
        int affinities = customer.getDegree(HAS_AFFINITY);
        long[] flags = removeFlags(customer);
        long servedLists = (Long) tx.execute(DELETE_SERVED_LISTS, Map.of("customerId", customerId))
                .columnAs("deleted").next();
        for (Relationship r : customer.getRelationships()) {
            r.delete();
        }
        customer.delete();
        return new ErasureResult(customerId, interactions, impressions, affinities, flags[0], flags[1], servedLists,
                onlyTheirs.size(), modelState);
    }

    private static Set<Node> itemsOnlyTheyHad(Node customer) {
        Set<Node> items = new LinkedHashSet<>();
        for (Relationship r : customer.getRelationships(Direction.OUTGOING, GraphSchema.interactionTypes())) {
            items.add(r.getEndNode());
        }
        items.removeIf(item -> hasOtherCustomer(item, customer));
        return items;
    }

    private static boolean hasOtherCustomer(Node item, Node customer) {
        for (Relationship r : item.getRelationships(Direction.INCOMING, GraphSchema.interactionTypes())) {
            if (!r.getStartNode().equals(customer)) {
                return true;
            }
        }
        return false;
    }

    /** @return how many pieces of model state were removed */
    private static long forgetModelState(Node item) {
        long removed = 0;
        for (Relationship r : item.getRelationships(SIMILAR_TO, FAVOURS)) {
            r.delete();
            removed++;
        }
        if (item.removeProperty(ModelProperties.POPULARITY) != null) {
            removed++;
        }
        return removed;
    }

    private void bumpModelRevisions() {
        try (ResourceIterator<Node> models = tx.findNodes(MODEL)) {
            models.forEachRemaining(m -> m.setProperty(ModelProperties.REVISION,
                    ((Number) m.getProperty(ModelProperties.REVISION, 0L)).longValue() + 1));
        }
    }

    /** @return the flags removed, and the anomalies removed because they named nobody else */
    private static long[] removeFlags(Node customer) {
        long flags = 0;
        long anomalies = 0;
        for (Relationship flag : customer.getRelationships(Direction.OUTGOING, FLAGGED)) {
            Node anomaly = flag.getEndNode();
            flag.delete();
            flags++;
            int members = anomaly.getDegree(FLAGGED, Direction.INCOMING);
            if (members == 0) {
                anomaly.getRelationships().forEach(Relationship::delete);
                anomaly.delete();
                anomalies++;
            } else {
                anomaly.setProperty(RiskNames.MEMBERS, (long) members);
            }
        }
        return new long[] {flags, anomalies};
    }

    private static int interactions(Node node, Direction direction) {
        int degree = 0;
        for (RelationshipType type : GraphSchema.interactionTypes()) {
            degree += node.getDegree(type, direction);
        }
        return degree;
    }
}
