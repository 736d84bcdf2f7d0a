package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.train.AttributeRef;
import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonSentences;
import io.kgrec.model.reason.ScoreTerm;
import io.kgrec.model.schema.ModelProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * Splits a candidate's score into reason paths: each known item's x_uj times its {@code SIMILAR_TO} weights becomes a
 * collaborative path (through the other customers who have both items now), one attribute path per shared
 * knowledge-graph attribute, and a similarity path for the embedding part. The strongest are returned as paths; the
 * rest are summed into one named term, and the prior adds its own terms, so the parts add up to the score.
 */
final class ModelReasons {
    private final Transaction tx;
    private final CoEngagement coEngagement;
    private final ReasonPaths reasonPaths;

    ModelReasons(Transaction tx, Node customer) {
        this.tx = tx;
        this.coEngagement = new CoEngagement(tx, customer);
        this.reasonPaths = new ReasonPaths(customer);
    }

    Recommendation explain(int rank, ModelCandidate candidate, SegmentPrior prior, int maxReasons) {
        List<PathRef> refs = paths(candidate);
        refs.sort(Comparator.comparingDouble(PathRef::contribution).reversed());
        List<ReasonPath> reasons = new ArrayList<>();
        double rest = 0;
        int restCount = 0;
        for (PathRef ref : refs) {
            if (reasons.size() < maxReasons && ref.contribution() > 0) {
                reasons.add(reasonPaths.materialise(candidate.item(), resolved(ref, candidate.item())));
            } else {
                rest += ref.contribution();
                restCount++;
            }
        }
        List<ScoreTerm> terms = new ArrayList<>(prior.terms(candidate.index()));
        if (restCount > 0) {
            terms.add(new ScoreTerm(ScoreTerm.OTHER_PATHS, rest, restCount + " further paths"
                    + (rest < 0 ? ", together arguing against the item" : ", each weaker than those shown")));
        }
        return new Recommendation(rank, candidate.item(), candidate.score(), reasons, terms);
    }

    /** Every path part of a candidate's score (the prior excepted), unsorted and not yet resolved into groups. */
    List<PathRef> paths(ModelCandidate candidate) {
        List<PathRef> refs = new ArrayList<>();
        for (ModelCandidate.Contribution c : candidate.contributions()) {
            split(c, candidate.item(), refs);
        }
        return refs;
    }

    /** A path part as a reason path: a co-engagement weight shows the group of customers who have both items now. */
    ReasonPath materialise(Node item, PathRef ref) {
        return reasonPaths.materialise(item, resolved(ref, item));
    }

    /** The parts of one known item's contribution, by family. */
    private void split(ModelCandidate.Contribution c, Node item, List<PathRef> out) {
        Relationship r = c.relationship(tx);
        double knowledgeGraph = number(r, ModelProperties.KNOWLEDGE_GRAPH);
        double embedding = number(r, ModelProperties.EMBEDDING);
        double collaborative = number(r, ModelProperties.WEIGHT) - knowledgeGraph - embedding;
        // The collaborative part is what the other families leave of the weight; rounding residue is not a part.
        if (Math.abs(collaborative) > 1e-12 * Math.max(1.0, Math.abs(knowledgeGraph + embedding))) {
            // Resolved into a customer group only if shown: counting co-customers costs reads.
            out.add(new PathRef.Learned(c.known(), ReasonSentences.CO_ENGAGEMENT, c.x() * collaborative));
        }
        Object via = r.getProperty(ModelProperties.KG_VIA, null);
        if (via instanceof String[] attributes) {
            double[] terms = (double[]) r.getProperty(ModelProperties.KG_TERMS);
            for (int t = 0; t < attributes.length; t++) {
                out.add(attributePath(c, item, AttributeRef.decode(attributes[t]), c.x() * terms[t]));
            }
        }
        if (embedding != 0.0) {
            out.add(new PathRef.Learned(c.known(), "graph embedding", c.x() * embedding));
        }
    }

    private PathRef attributePath(ModelCandidate.Contribution c, Node item, AttributeRef a, double contribution) {
        if (a.isTargetItem()) {
            return targetPath(c, item, a.key(), contribution);
        }
        RelationshipType type = RelationshipType.withName(a.relationshipType());
        Node entity = tx.findNode(GraphSchema.ENTITY, "key", a.key());
        if (entity == null) {
            // The entity was removed after training; the weight stays, shown as what the model learned.
            return new PathRef.Learned(c.known(), "shared " + a.relationshipType().toLowerCase(), contribution);
        }
        return new PathRef.SharedEntity(c.known(), type, entity, a.outgoing(), contribution);
    }

    /**
     * Both items share a target item k: the known item is k and the candidate points to it, the candidate is k and
     * the known item points to it, or both point to k.
     */
    private PathRef targetPath(ModelCandidate.Contribution c, Node item, String targetId, double contribution) {
        Node known = c.known().item();
        Node target = tx.findNode(GraphSchema.ITEM, "id", targetId);
        RelationshipType knownToTarget = target == null || known.equals(target) ? null : factType(known, target);
        RelationshipType itemToTarget = target == null || item.equals(target) ? null : factType(item, target);
        if (target != null && known.equals(target) && itemToTarget != null) {
            return new PathRef.LinkedItem(c.known(), itemToTarget, false, contribution);
        }
        if (target != null && item.equals(target) && knownToTarget != null) {
            return new PathRef.LinkedItem(c.known(), knownToTarget, true, contribution);
        }
        if (knownToTarget != null && itemToTarget != null) {
            return new PathRef.SharedTarget(c.known(), knownToTarget, target, itemToTarget, contribution);
        }
        // A fact was removed after training; the weight stays, shown as what the model learned.
        return new PathRef.Learned(c.known(), "a shared link", contribution);
    }

    /** The type of a knowledge-graph fact from one item to another, or null when there is none. */
    private static RelationshipType factType(Node from, Node to) {
        for (Relationship r : from.getRelationships(org.neo4j.graphdb.Direction.OUTGOING)) {
            if (r.getEndNode().equals(to) && GraphSchema.isKnowledge(r.getType())) {
                return r.getType();
            }
        }
        return null;
    }

    /** A shown co-engagement weight becomes the group of customers who now have both items, if there is one. */
    private PathRef resolved(PathRef ref, Node item) {
        if (ref instanceof PathRef.Learned learned && learned.family().equals(ReasonSentences.CO_ENGAGEMENT)) {
            CoEngagement.Group group = coEngagement.largest(learned.known().item(), item);
            if (group != null) {
                return new PathRef.Collaborative(learned.known(), group.toKnown(), group.customers(), group.toItem(),
                        learned.contribution());
            }
        }
        return ref;
    }

    private static double number(Relationship r, String property) {
        Object v = r.getProperty(property, null);
        return v instanceof Number n ? n.doubleValue() : 0.0;
    }
}
