package io.kgrec.model.id;

import io.kgrec.model.schema.EntityType;

/**
 * The key of an {@code :Entity}: {@code <type>:<id>}, e.g. {@code brand:National} or {@code genre:Comedy}. The key is
 * unique across all entities; the type also becomes a label.
 */
public record EntityKey(EntityType type, String id) {
    public EntityKey {
        if (type == null) {
            throw new IllegalArgumentException("entity type is missing");
        }
        id = Ids.clean(id, "entity id");
    }

    /**
     * Parses {@code type:id}; everything after the first colon is the id, so ids may contain colons.
     *
     * @throws IllegalArgumentException if there is no colon, or the type or id is invalid
     */
    public static EntityKey parse(String key) {
        String k = Ids.clean(key, "entity key");
        int colon = k.indexOf(':');
        if (colon <= 0 || colon == k.length() - 1) {
            throw new IllegalArgumentException("entity key '" + k + "' is not of the form <type>:<id>");
        }
        return new EntityKey(EntityType.of(k.substring(0, colon)), k.substring(colon + 1));
    }

    public static boolean looksLikeEntity(String nodeId) {
        return nodeId != null && nodeId.indexOf(':') > 0;
    }

    /** The stored key, {@code type:id}. */
    public String value() {
        return type.name() + ":" + id;
    }

    @Override
    public String toString() {
        return value();
    }
}
