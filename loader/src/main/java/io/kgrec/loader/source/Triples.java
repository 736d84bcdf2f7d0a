package io.kgrec.loader.source;

import io.kgrec.loader.stage.Fact;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.loader.stage.RejectReason;
import io.kgrec.loader.stage.RowRejected;
import io.kgrec.model.id.EntityKey;
import io.kgrec.model.schema.RelationshipNames;

/**
 * Turns (head, relation, tail) into a {@link Fact}. A node with a colon is an entity {@code <type>:<id>}, created on
 * first use; a node without one is an item and must already be in the catalogue, so a typo in an item id is
 * quarantined instead of creating a phantom item.
 */
public final class Triples {
    private Triples() {
    }

    /** @return {@code true} if the fact is new, {@code false} if it duplicates an earlier one */
    public static boolean add(GraphData data, String head, String relation, String tail) throws RowRejected {
        String type;
        try {
            type = RelationshipNames.toType(relation);
        } catch (IllegalArgumentException e) {
            throw new RowRejected(RejectReason.BAD_RELATION, "relation: " + e.getMessage());
        }
        boolean headIsItem = !EntityKey.looksLikeEntity(head);
        boolean tailIsItem = !EntityKey.looksLikeEntity(tail);
        String headKey = node(data, head, headIsItem, "head");
        String tailKey = node(data, tail, tailIsItem, "tail");
        return data.addFact(new Fact(headKey, headIsItem, type, tailKey, tailIsItem));
    }

    private static String node(GraphData data, String id, boolean isItem, String column) throws RowRejected {
        if (isItem) {
            if (!data.hasItem(id)) {
                throw new RowRejected(RejectReason.UNKNOWN_ITEM, column + " '" + id + "' is not in the catalogue");
            }
            return id;
        }
        try {
            EntityKey key = EntityKey.parse(id);
            data.putEntity(key);
            return key.value();
        } catch (IllegalArgumentException e) {
            throw new RowRejected(RejectReason.BAD_ENTITY_KEY, column + ": " + e.getMessage());
        }
    }
}
