package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.train.AttributeRef;
import io.kgrec.model.reason.PathKind;
import io.kgrec.model.reason.PathNode;
import io.kgrec.model.reason.PathStep;
import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonSentences;
import io.kgrec.model.reason.ScoreTerm;
import io.kgrec.model.schema.ModelProperties;
import io.kgrec.model.schema.ModelRelationships;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * The items most like one item, by the current model's weight from it ({@code SIMILAR_TO}), each explained by the
 * paths behind that weight: the customers who have both items, the attributes they share, an embedding similarity.
 * Before any model is trained there are no weights to rank by, and the list is empty.
 */
final class SimilarItems {
    private final Transaction tx;
    private final ModelStore store;
    private final CoEngagement coEngagement;

    SimilarItems(Transaction tx, ModelStore store) {
        this.tx = tx;
        this.store = store;
        this.coEngagement = new CoEngagement(tx, null);
    }

    @SuppressWarnings("deprecation") // internal ids are stable within the transaction
    List<Recommendation> of(Node item, int k, int maxReasons) {
        CurrentModel model = CurrentModel.find(tx);
        if (model == null) {
            return List.of();
        }
        ModelStore.Snapshot snapshot = store.snapshot(tx, model);
        int source = snapshot.indexOf(item.getId());
        if (source < 0) {
            return List.of();
        }
        int[] targets = snapshot.targets()[source];
        double[] weights = snapshot.weights()[source];
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < targets.length; p++) {
            if (targets[p] != source && weights[p] > 0) {
                order.add(p);
            }
        }
        order.sort(Comparator.comparingDouble((Integer p) -> -weights[p]).thenComparing(p -> snapshot.ids()[targets[p]]));
        List<Recommendation> out = new ArrayList<>();
        for (int p : order.subList(0, Math.min(k, order.size()))) {
            Node target = tx.getNodeById(snapshot.nodes()[targets[p]]);
            Relationship r = tx.getRelationshipById(snapshot.relationships()[source][p]);
            out.add(explain(out.size() + 1, item, target, r, maxReasons));
        }
        return out;
    }

    private Recommendation explain(int rank, Node item, Node target, Relationship r, int maxReasons) {
        double weight = number(r, ModelProperties.WEIGHT);
        double kg = number(r, ModelProperties.KNOWLEDGE_GRAPH);
        double embedding = number(r, ModelProperties.EMBEDDING);
        List<ReasonPath> paths = new ArrayList<>();
        double collaborative = weight - kg - embedding;
        if (Math.abs(collaborative) > 1e-12 * Math.max(1.0, Math.abs(kg + embedding))) {
            paths.add(collaborative(item, target, collaborative));
        }
        if (r.getProperty(ModelProperties.KG_VIA, null) instanceof String[] via) {
            double[] terms = (double[]) r.getProperty(ModelProperties.KG_TERMS);
            for (int t = 0; t < via.length; t++) {
                paths.add(shared(item, target, AttributeRef.decode(via[t]), terms[t]));
            }
        }
        if (embedding != 0.0) {
            paths.add(learned(item, target, "graph embedding", embedding));
        }
        paths.sort(Comparator.comparingDouble(ReasonPath::contribution).reversed());
        List<ReasonPath> shown = new ArrayList<>();
        double rest = 0;
        int restCount = 0;
        for (ReasonPath path : paths) {
            if (shown.size() < maxReasons && path.contribution() > 0) {
                shown.add(path);
            } else {
                rest += path.contribution();
                restCount++;
            }
        }
        List<ScoreTerm> terms = restCount == 0 ? List.of()
                : List.of(new ScoreTerm(ScoreTerm.OTHER_PATHS, rest, restCount + " further paths"));
        return new Recommendation(rank, target, weight, shown, terms);
    }

    private ReasonPath collaborative(Node item, Node target, double contribution) {
        CoEngagement.Group group = coEngagement.largest(item, target);
        if (group == null) {
            return learned(item, target, ReasonSentences.CO_ENGAGEMENT, contribution);
        }
        PathNode from = ReasonPaths.itemNode(item);
        PathNode to = ReasonPaths.itemNode(target);
        return new ReasonPath(PathKind.COLLABORATIVE, List.of(from, PathNode.customerGroup(group.customers()), to),
                List.of(PathStep.in(group.toKnown().name()), PathStep.out(group.toItem().name())), contribution,
                ReasonSentences.alsoEngaged(group.customers(), group.toKnown().name(), from.name(),
                        group.toItem().name(), to.name()));
    }

    private ReasonPath shared(Node item, Node target, AttributeRef a, double contribution) {
        PathNode from = ReasonPaths.itemNode(item);
        PathNode to = ReasonPaths.itemNode(target);
        Node middle = a.isTargetItem() ? tx.findNode(GraphSchema.ITEM, "id", a.key())
                : tx.findNode(GraphSchema.ENTITY, "key", a.key());
        if (middle == null || middle.equals(item) || middle.equals(target)) {
            // A direct item–item fact, or a node removed since training: the stored weight is the path.
            return learned(item, target, "a knowledge-graph link", contribution);
        }
        RelationshipType fromType = a.isTargetItem() ? factType(item, middle) : RelationshipType.withName(a.relationshipType());
        RelationshipType toType = a.isTargetItem() ? factType(target, middle) : fromType;
        if (fromType == null || toType == null) {
            return learned(item, target, "a knowledge-graph link", contribution);
        }
        boolean out = a.isTargetItem() || a.outgoing();
        PathNode mid = a.isTargetItem() ? ReasonPaths.itemNode(middle) : ReasonPaths.entityNode(middle);
        return new ReasonPath(PathKind.ATTRIBUTE, List.of(from, mid, to),
                List.of(PathStep.of(fromType.name(), out), PathStep.of(toType.name(), !out)), contribution,
                ReasonSentences.shareAttribute(from.name(), to.name(), mid.name()));
    }

    private static ReasonPath learned(Node item, Node target, String family, double contribution) {
        PathNode from = ReasonPaths.itemNode(item);
        PathNode to = ReasonPaths.itemNode(target);
        return new ReasonPath(PathKind.SIMILARITY, List.of(from, to),
                List.of(PathStep.out(ModelRelationships.SIMILAR_TO)), contribution,
                to.name() + " is similar to " + from.name() + " by " + family + ".");
    }

    private static RelationshipType factType(Node from, Node to) {
        for (Relationship r : from.getRelationships(org.neo4j.graphdb.Direction.OUTGOING)) {
            if (r.getEndNode().equals(to) && GraphSchema.isKnowledge(r.getType())) {
                return r.getType();
            }
        }
        return null;
    }

    private static double number(Relationship r, String property) {
        return r.getProperty(property, null) instanceof Number n ? n.doubleValue() : 0.0;
    }
}
