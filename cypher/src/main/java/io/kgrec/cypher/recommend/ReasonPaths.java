package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.model.reason.PathKind;
import io.kgrec.model.reason.PathNode;
import io.kgrec.model.reason.PathStep;
import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonSentences;
import io.kgrec.model.schema.EntityType;
import io.kgrec.model.schema.ModelRelationships;
import io.kgrec.model.schema.RelationshipNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;

/**
 * Turns the paths found while scoring one customer into {@link ReasonPath}s with node names and a sentence. A node met
 * on several of the customer's paths (the customer on all of them, a known item on many, an item on each of its own)
 * is one {@link PathNode}, its id and name read from the graph once rather than once per path. (The API, which gets
 * the paths as maps, shares their nodes the same way: {@code ReasonPathMaps.Reader}.)
 */
final class ReasonPaths {
    private final Node customer;
    private final Map<Long, PathNode> nodes = new HashMap<>();
    private PathNode start;

    /** @param customer the customer the paths start from; {@code null} for a session, whose paths start at its items */
    ReasonPaths(Node customer) {
        this.customer = customer;
    }

    ReasonPath materialise(Node item, PathRef ref) {
        Known known = ref.known();
        if (customer == null) {
            return fromSessionItem(item, ref);
        }
        if (start == null) {
            start = PathNode.customer(DisplayNames.key(customer), DisplayNames.of(customer));
        }
        PathNode knownNode = item(known.item());
        PathNode end = item(item);
        PathStep first = PathStep.out(known.type().name());
        if (ref instanceof PathRef.Collaborative c) {
            return ReasonPath.collaborative(start, known.type().name(), knownNode, c.otherToKnown().name(),
                    c.customers(), c.otherToItem().name(), end, c.contribution());
        }
        if (ref instanceof PathRef.SharedEntity s) {
            PathNode entity = nodes.computeIfAbsent(id(s.entity()), k -> entityNode(s.entity()));
            String rel = s.relation().name();
            return new ReasonPath(PathKind.ATTRIBUTE, List.of(start, knownNode, entity, end),
                    List.of(first, PathStep.of(rel, s.outgoing()), PathStep.of(rel, !s.outgoing())),
                    s.contribution(),
                    ReasonSentences.sharedAttribute(known.type().name(), knownNode.name(), typeWords(s.entity()),
                            entity.name(), end.name()));
        }
        if (ref instanceof PathRef.SharedTarget t) {
            PathNode target = item(t.target());
            return new ReasonPath(PathKind.ATTRIBUTE, List.of(start, knownNode, target, end),
                    List.of(first, PathStep.out(t.knownToTarget().name()), PathStep.in(t.itemToTarget().name())),
                    t.contribution(),
                    ReasonSentences.sharedTarget(known.type().name(), knownNode.name(), target.name(), end.name()));
        }
        if (ref instanceof PathRef.Learned learned) {
            return new ReasonPath(PathKind.SIMILARITY, List.of(start, knownNode, end),
                    List.of(first, PathStep.out(ModelRelationships.SIMILAR_TO)), learned.contribution(),
                    ReasonSentences.learned(known.type().name(), knownNode.name(), learned.family(), end.name()));
        }
        PathRef.LinkedItem l = (PathRef.LinkedItem) ref;
        return new ReasonPath(PathKind.ATTRIBUTE, List.of(start, knownNode, end),
                List.of(first, PathStep.of(l.relation().name(), l.outgoing())),
                l.contribution(),
                ReasonSentences.linkedItem(known.type().name(), knownNode.name(), l.relation().name(), end.name()));
    }

    /**
     * The path without its first step: it starts at the session's item, as similar items' paths do, since an
     * anonymous session has no node in the graph to start from.
     */
    private ReasonPath fromSessionItem(Node item, PathRef ref) {
        PathNode from = item(ref.known().item());
        PathNode end = item(item);
        if (ref instanceof PathRef.Collaborative c) {
            return new ReasonPath(PathKind.COLLABORATIVE, List.of(from, PathNode.customerGroup(c.customers()), end),
                    List.of(PathStep.in(c.otherToKnown().name()), PathStep.out(c.otherToItem().name())),
                    c.contribution(), ReasonSentences.alsoEngaged(c.customers(), c.otherToKnown().name(), from.name(),
                            c.otherToItem().name(), end.name()));
        }
        if (ref instanceof PathRef.SharedEntity s) {
            PathNode entity = nodes.computeIfAbsent(id(s.entity()), k -> entityNode(s.entity()));
            String rel = s.relation().name();
            return new ReasonPath(PathKind.ATTRIBUTE, List.of(from, entity, end),
                    List.of(PathStep.of(rel, s.outgoing()), PathStep.of(rel, !s.outgoing())), s.contribution(),
                    ReasonSentences.shareAttribute(from.name(), end.name(), entity.name()));
        }
        if (ref instanceof PathRef.SharedTarget t) {
            PathNode target = item(t.target());
            return new ReasonPath(PathKind.ATTRIBUTE, List.of(from, target, end),
                    List.of(PathStep.out(t.knownToTarget().name()), PathStep.in(t.itemToTarget().name())),
                    t.contribution(), ReasonSentences.shareAttribute(from.name(), end.name(), target.name()));
        }
        if (ref instanceof PathRef.Learned learned) {
            return new ReasonPath(PathKind.SIMILARITY, List.of(from, end),
                    List.of(PathStep.out(ModelRelationships.SIMILAR_TO)), learned.contribution(),
                    end.name() + " is similar to " + from.name() + " by " + learned.family() + ".");
        }
        PathRef.LinkedItem l = (PathRef.LinkedItem) ref;
        return new ReasonPath(PathKind.ATTRIBUTE, List.of(from, end),
                List.of(PathStep.of(l.relation().name(), l.outgoing())), l.contribution(),
                end.name() + " is linked to " + from.name() + " by \""
                        + RelationshipNames.toWords(l.relation().name()) + "\".");
    }

    private PathNode item(Node item) {
        return nodes.computeIfAbsent(id(item), k -> itemNode(item));
    }

    @SuppressWarnings("deprecation") // internal ids are stable within the transaction that scores
    private static long id(Node node) {
        return node.getId();
    }

    static PathNode itemNode(Node item) {
        return PathNode.item(DisplayNames.key(item), DisplayNames.of(item));
    }

    static PathNode entityNode(Node entity) {
        List<String> labels = new ArrayList<>();
        for (Label l : entity.getLabels()) {
            labels.add(l.name());
        }
        labels.sort(null);
        return PathNode.entity(DisplayNames.key(entity), labels, DisplayNames.of(entity));
    }

    private static String typeWords(Node entity) {
        Object type = entity.getProperty("type", null);
        return type instanceof String s ? EntityType.of(s).words() : "attribute";
    }
}
