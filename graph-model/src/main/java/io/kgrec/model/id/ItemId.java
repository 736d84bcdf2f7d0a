package io.kgrec.model.id;

/**
 * The id of an {@code :Item} (product, movie, artist). Item ids never contain {@code ':'}, which is how a triple file
 * tells items from other entities (see {@link EntityKey}).
 */
public record ItemId(String value) implements Comparable<ItemId> {
    public ItemId {
        value = Ids.clean(value, "item id");
        if (value.indexOf(':') >= 0) {
            throw new IllegalArgumentException("item id '" + value + "' contains ':', which is reserved for entity keys");
        }
    }

    public static ItemId of(String value) {
        return new ItemId(value);
    }

    @Override
    public int compareTo(ItemId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
