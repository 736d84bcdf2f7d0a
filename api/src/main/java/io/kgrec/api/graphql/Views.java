package io.kgrec.api.graphql;

import io.kgrec.api.read.Catalog.ItemRef;
import io.kgrec.model.reason.PathKind;
import io.kgrec.model.reason.PathNode;
import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ScoreTerm;
import java.util.List;

/** The records the GraphQL schema's object types are read from; field names match the schema. */
public final class Views {
    private Views() {
    }

    record RecommendationConnection(String listId, List<RecommendationEdge> edges, PageInfo pageInfo,
            RecommendationKind kind) {
        public boolean coldStart() {
            return kind != RecommendationKind.PERSONALISED;
        }
    }

    /** As the SDL's enum of the same name. */
    enum RecommendationKind { PERSONALISED, NO_HISTORY, UNKNOWN_CUSTOMER }

    record RecommendationEdge(String cursor, Recommendation node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    record Recommendation(String recommendationId, String modelVersion, int rank, ItemRef item, double score,
            List<Reason> reasons, List<ScoreTerm> scoreTerms) {
    }

    record SessionRecommendation(int rank, ItemRef item, double score, List<Reason> reasons, List<ScoreTerm> scoreTerms,
            String modelVersion) {
    }

    record SimilarItem(int rank, ItemRef item, double score, List<Reason> reasons, List<ScoreTerm> scoreTerms,
            String modelVersion) {
    }

    record InteractionRecorded(String customerId, String itemId, String type, long count, double raw,
            boolean repeated) {
    }

    record ImpressionRecorded(String customerId, long shown, boolean repeated) {
    }

    record Explanation(ItemRef item, boolean alreadyInteracted, double score, List<Reason> reasons,
            List<ScoreTerm> scoreTerms) {
    }

    public record Reason(PathKind kind, double contribution, String sentence, List<PathNode> nodes,
            List<PathRelationship> relationships) {
        public static Reason of(ReasonPath p) {
            return new Reason(p.kind(), p.contribution(), p.sentence(), p.nodes(),
                    p.steps().stream().map(s -> new PathRelationship(s.type(), s.forward() ? "OUT" : "IN")).toList());
        }
    }

    public record PathRelationship(String type, String direction) {
    }

    record Property(String key, String value) {
    }

    record Customer(String id, List<Property> attributes, int interactionCount) {
    }

    record Interaction(ItemRef item, String type, double weight, double raw, String lastAt) {
    }

    record InteractionConnection(List<InteractionEdge> edges, PageInfo pageInfo) {
    }

    record InteractionEdge(String cursor, Interaction node) {
    }

    record Profile(Long recencyDays, Double frequency, Double monetary, String activityLevel, String segment,
            String profiledAt, List<Affinity> affinities) {
    }

    record Affinity(GraphNode entity, String type, double share, int rank) {
    }

    record ItemAttribute(String relationship, String direction, GraphNode target) {
    }

    record GraphNode(String id, List<String> labels, String name) {
    }
}
