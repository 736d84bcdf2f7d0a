package io.kgrec.cypher.train;

/**
 * What the model calls an attribute, in graph terms. Either an entity reached from items by one relationship type in
 * one direction ({@code IN_DEPARTMENT} out to {@code department:GROCERY}), or an item that other items point to
 * through knowledge-graph facts (Last.fm artists linked to artists): that item and every item pointing to it share it.
 *
 * @param relationshipType for an entity, the relationship type; {@code null} for a target item
 * @param outgoing         for an entity, whether items point to it
 * @param key              the entity key, or the target item's id
 */
public record AttributeRef(String relationshipType, boolean outgoing, String key) {
    private static final char SEPARATOR = '\u001f';

    public static AttributeRef entity(String relationshipType, boolean outgoing, String entityKey) {
        return new AttributeRef(relationshipType, outgoing, entityKey);
    }

    public static AttributeRef targetItem(String itemId) {
        return new AttributeRef(null, true, itemId);
    }

    public boolean isTargetItem() {
        return relationshipType == null;
    }

    /** A compact string for the {@code kgVia} property, decoded by {@link #decode}. */
    public String encode() {
        return isTargetItem() ? "I" + SEPARATOR + key
                : "E" + SEPARATOR + relationshipType + SEPARATOR + (outgoing ? ">" : "<") + SEPARATOR + key;
    }

    public static AttributeRef decode(String s) {
        String[] p = s.split(String.valueOf(SEPARATOR), -1);
        if (p.length == 2 && p[0].equals("I")) {
            return targetItem(p[1]);
        }
        if (p.length == 4 && p[0].equals("E")) {
            return entity(p[1], p[2].equals(">"), p[3]);
        }
        throw new IllegalArgumentException("not an encoded attribute: " + s);
    }
}
