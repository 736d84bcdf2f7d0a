package io.kgrec.cypher.risk;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.model.schema.RiskNames;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * Stores a detection run in the graph (see {@link RiskNames}). Open flags from earlier runs are replaced: they are
 * removed with their interaction marks, and whatever this run finds is written again. A reviewer's decision
 * (confirmed or dismissed) outlives later runs: the flag stays, and if the run finds the same customer in the same
 * anomaly again, its evidence is refreshed but its status kept. Anomalies left without flags are removed.
 */
final class FlagWriter {
    static final Label ANOMALY = Label.label(RiskNames.ANOMALY);

    private final Transaction tx;

    FlagWriter(Transaction tx) {
        this.tx = tx;
    }

    /** @return the run number written */
    long write(Detection detection) {
        long run = previousRun() + 1;
        ZonedDateTime at = ZonedDateTime.now(java.time.ZoneOffset.UTC);
        removeOpenFlags();
        InteractionLog log = detection.log();
        for (Finding f : detection.findings()) {
            Node anomaly = anomaly(f, run, at);
            for (Finding.Member m : f.members()) {
                Node customer = tx.findNode(GraphSchema.CUSTOMER, "id", log.customerIds().get(m.customer()));
                if (customer == null) {
                    continue;
                }
                Relationship flag = flagBetween(customer, anomaly);
                if (flag == null) {
                    flag = customer.createRelationshipTo(anomaly, TrainingExclusions.FLAGGED);
                    flag.setProperty(RiskNames.STATUS, RiskNames.STATUS_OPEN);
                }
                setFlag(flag, f, m, run, at);
                if (f.kind().scope().equals(RiskNames.SCOPE_INTERACTIONS)) {
                    mark(log.of(m.customer()), m.interactions(), f.key());
                }
            }
        }
        removeAnomaliesWithoutFlags();
        return run;
    }

    private long previousRun() {
        long run = 0;
        try (ResourceIterator<Node> anomalies = tx.findNodes(ANOMALY)) {
            while (anomalies.hasNext()) {
                if (anomalies.next().getProperty(RiskNames.RUN, 0L) instanceof Long r) {
                    run = Math.max(run, r);
                }
            }
        }
        return run;
    }

    private void removeOpenFlags() {
        List<Relationship> open = new ArrayList<>();
        try (ResourceIterator<Relationship> flags = tx.findRelationships(TrainingExclusions.FLAGGED)) {
            flags.forEachRemaining(f -> {
                if (RiskNames.STATUS_OPEN.equals(f.getProperty(RiskNames.STATUS, RiskNames.STATUS_OPEN))) {
                    open.add(f);
                }
            });
        }
        for (Relationship f : open) {
            unmark(f.getStartNode(), (String) f.getEndNode().getProperty(RiskNames.KEY, ""));
            f.delete();
        }
    }

    private Node anomaly(Finding f, long run, ZonedDateTime at) {
        Node anomaly = tx.findNode(ANOMALY, RiskNames.KEY, f.key());
        if (anomaly == null) {
            anomaly = tx.createNode(ANOMALY);
            anomaly.setProperty(RiskNames.KEY, f.key());
        }
        anomaly.setProperty(RiskNames.KIND, f.kind().name());
        anomaly.setProperty(RiskNames.SCORE, f.score());
        anomaly.setProperty(RiskNames.SUMMARY, f.summary());
        anomaly.setProperty(RiskNames.MEMBERS, (long) f.members().size());
        anomaly.setProperty(RiskNames.RUN, run);
        anomaly.setProperty(RiskNames.DETECTED_AT, at);
        setEvidence(anomaly::setProperty, f.evidence());
        if (f.kind() == AnomalyKind.PUSH_GROUP) {
            anomaly.setProperty(RiskNames.TARGET_ITEM, f.subject());
        }
        return anomaly;
    }

    private static void setFlag(Relationship flag, Finding f, Finding.Member m, long run, ZonedDateTime at) {
        flag.setProperty(RiskNames.KIND, f.kind().name());
        flag.setProperty(RiskNames.SCOPE, f.kind().scope());
        flag.setProperty(RiskNames.SCORE, m.score());
        flag.setProperty(RiskNames.SUMMARY, f.summary());
        flag.setProperty(RiskNames.FLAGGED_INTERACTIONS, (long) m.interactions().length);
        flag.setProperty(RiskNames.RUN, run);
        flag.setProperty(RiskNames.DETECTED_AT, at);
        setEvidence(flag::setProperty, m.evidence());
    }

    private static void setEvidence(java.util.function.BiConsumer<String, Object> set, Map<String, Double> evidence) {
        set.accept(RiskNames.EVIDENCE_NAMES, evidence.keySet().toArray(String[]::new));
        set.accept(RiskNames.EVIDENCE_VALUES, evidence.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Relationship flagBetween(Node customer, Node anomaly) {
        for (Relationship r : customer.getRelationships(Direction.OUTGOING, TrainingExclusions.FLAGGED)) {
            if (r.getEndNode().equals(anomaly)) {
                return r;
            }
        }
        return null;
    }

    private void mark(InteractionLog.Interactions list, int[] positions, String key) {
        for (int p : positions) {
            String element = list.relationship(p);
            if (element == null) {
                continue;
            }
            Relationship r = tx.getRelationshipByElementId(element);
            String[] marks = (String[]) r.getProperty(RiskNames.INTERACTION_FLAG, new String[0]);
            if (!Arrays.asList(marks).contains(key)) {
                String[] more = Arrays.copyOf(marks, marks.length + 1);
                more[marks.length] = key;
                r.setProperty(RiskNames.INTERACTION_FLAG, more);
            }
        }
    }

    private static void unmark(Node customer, String key) {
        for (Relationship r : customer.getRelationships(Direction.OUTGOING, GraphSchema.interactionTypes())) {
            if (r.getProperty(RiskNames.INTERACTION_FLAG, null) instanceof String[] marks
                    && Arrays.asList(marks).contains(key)) {
                String[] rest = Arrays.stream(marks).filter(k -> !k.equals(key)).toArray(String[]::new);
                if (rest.length == 0) {
                    r.removeProperty(RiskNames.INTERACTION_FLAG);
                } else {
                    r.setProperty(RiskNames.INTERACTION_FLAG, rest);
                }
            }
        }
    }

    private void removeAnomaliesWithoutFlags() {
        List<Node> orphans = new ArrayList<>();
        try (ResourceIterator<Node> anomalies = tx.findNodes(ANOMALY)) {
            anomalies.forEachRemaining(a -> {
                if (a.getDegree(TrainingExclusions.FLAGGED, Direction.INCOMING) == 0) {
                    orphans.add(a);
                }
            });
        }
        orphans.forEach(Node::delete);
    }
}
