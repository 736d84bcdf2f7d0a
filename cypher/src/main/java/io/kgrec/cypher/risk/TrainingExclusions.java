package io.kgrec.cypher.risk;

import io.kgrec.model.schema.RiskNames;
import java.util.HashSet;
import java.util.Set;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;

/**
 * What a customer's flags keep out of training: every interaction, when an open or confirmed flag covers the whole
 * customer; else the interactions marked with the key of an open or confirmed anomaly. Dismissed flags keep nothing
 * out. Read per customer by the training export.
 */
public final class TrainingExclusions {
    static final RelationshipType FLAGGED = RelationshipType.withName(RiskNames.FLAGGED);
    private static final TrainingExclusions NONE = new TrainingExclusions(false, Set.of());

    private final boolean wholeCustomer;
    private final Set<String> anomalyKeys;

    private TrainingExclusions(boolean wholeCustomer, Set<String> anomalyKeys) {
        this.wholeCustomer = wholeCustomer;
        this.anomalyKeys = anomalyKeys;
    }

    public static TrainingExclusions of(Node customer) {
        boolean whole = false;
        Set<String> keys = null;
        for (Relationship flag : customer.getRelationships(Direction.OUTGOING, FLAGGED)) {
            if (!RiskNames.excludesFromTraining((String) flag.getProperty(RiskNames.STATUS, RiskNames.STATUS_OPEN))) {
                continue;
            }
            if (RiskNames.SCOPE_CUSTOMER.equals(flag.getProperty(RiskNames.SCOPE, RiskNames.SCOPE_CUSTOMER))) {
                whole = true;
            } else {
                if (keys == null) {
                    keys = new HashSet<>();
                }
                keys.add((String) flag.getEndNode().getProperty(RiskNames.KEY, ""));
            }
        }
        return whole || keys != null ? new TrainingExclusions(whole, keys == null ? Set.of() : keys) : NONE;
    }

    /** Whether none of the customer's interactions may train. */
    public boolean excludesCustomer() {
        return wholeCustomer;
    }

    /** Whether this interaction of the customer may not train. */
    public boolean excludes(Relationship interaction) {
        if (wholeCustomer) {
            return true;
        }
        if (anomalyKeys.isEmpty()) {
            return false;
        }
        if (interaction.getProperty(RiskNames.INTERACTION_FLAG, null) instanceof String[] marks) {
            for (String key : marks) {
                if (anomalyKeys.contains(key)) {
                    return true;
                }
            }
        }
        return false;
    }
}
