package io.kgrec.cypher.profile;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.cypher.graph.GraphSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;

/**
 * Computes a customer's affinities: every knowledge-graph fact between an item the customer engaged with and an
 * entity passes the item's interaction weight to the entity; within each entity type, an entity's share is its
 * weight over the type's total, so a customer's department shares add up to 1. The strongest entities of each type
 * are kept. Ties are broken by entity key, so the same graph always gives the same affinities.
 */
final class Affinities {
    private final ProfileConfig config;
    /** Item → the entities its facts link it to; many customers share items, so each is read once. */
    private final Map<String, List<EntityRef>> attributesOfItem = new HashMap<>();

    Affinities(ProfileConfig config) {
        this.config = config;
    }

    private record EntityRef(Node entity, String key, String type) {
    }

    List<Affinity> of(CustomerActivity activity) {
        // type → entity key → (entity, weight); tree maps keep every iteration and sum in key order
        Map<String, Map<String, Weighted>> byType = new TreeMap<>();
        activity.itemWeights().forEach((item, weight) -> {
            for (EntityRef e : attributes(item)) {
                byType.computeIfAbsent(e.type(), t -> new TreeMap<>())
                        .computeIfAbsent(e.key(), k -> new Weighted(e.entity()))
                        .add(weight);
            }
        });
        List<Affinity> all = new ArrayList<>();
        byType.forEach((type, entities) -> {
            double total = 0;
            for (Weighted w : entities.values()) {
                total += w.weight;
            }
            if (total <= 0) {
                return;
            }
            List<Map.Entry<String, Weighted>> ranked = new ArrayList<>(entities.entrySet());
            ranked.sort(Comparator.comparingDouble((Map.Entry<String, Weighted> e) -> -e.getValue().weight)
                    .thenComparing(Map.Entry::getKey));
            int rank = 0;
            for (Map.Entry<String, Weighted> e : ranked) {
                double share = e.getValue().weight / total;
                if (rank == config.topPerType() || share < config.minShare()) {
                    break;
                }
                rank++;
                all.add(new Affinity(e.getValue().entity, e.getKey(), DisplayNames.of(e.getValue().entity), type,
                        share, rank));
            }
        });
        return all;
    }

    private List<EntityRef> attributes(Node item) {
        return attributesOfItem.computeIfAbsent(item.getElementId(), id -> {
            List<RelationshipType> knowledge = new ArrayList<>();
            for (RelationshipType t : item.getRelationshipTypes()) {
                if (GraphSchema.isKnowledge(t)) {
                    knowledge.add(t);
                }
            }
            List<EntityRef> refs = new ArrayList<>();
            if (knowledge.isEmpty()) {
                return refs;
            }
            for (Relationship r : item.getRelationships(Direction.BOTH, knowledge.toArray(RelationshipType[]::new))) {
                Node entity = r.getOtherNode(item);
                if (entity.hasLabel(GraphSchema.ENTITY)) {
                    refs.add(new EntityRef(entity, DisplayNames.key(entity),
                            String.valueOf(entity.getProperty("type", "entity"))));
                }
            }
            return refs;
        });
    }

    /** An entity and the weight passed to it; an item linked twice to it (by two relations) passes it twice. */
    private static final class Weighted {
        private final Node entity;
        private double weight;

        Weighted(Node entity) {
            this.entity = entity;
        }

        void add(double w) {
            weight += w;
        }
    }
}
