package io.kgrec.cypher.model;

import java.util.Arrays;

/**
 * The knowledge graph as seen from the items: which attribute nodes (genre, actor, product type, brand, ...) each item
 * links to, stored by item and by attribute. An attribute is any non-item node one hop from an item. A direct
 * item–item triple (j, r, i) is given as an attribute node standing for item i that both j and i link to, so it still
 * reads as a path j → i. Items without attributes are allowed.
 */
public final class ItemAttributes {
    private final int items;
    private final int attributes;
    private final int[] itemStart;
    private final int[] itemAttributes;
    private final int[] attributeStart;
    private final int[] attributeItems;

    private ItemAttributes(int items, int attributes, int[] itemStart, int[] itemAttributes) {
        this.items = items;
        this.attributes = attributes;
        this.itemStart = itemStart;
        this.itemAttributes = itemAttributes;
        this.attributeStart = new int[attributes + 1];
        for (int a : itemAttributes) {
            attributeStart[a + 1]++;
        }
        for (int a = 0; a < attributes; a++) {
            attributeStart[a + 1] += attributeStart[a];
        }
        int[] fill = Arrays.copyOf(attributeStart, attributes);
        this.attributeItems = new int[itemAttributes.length];
        for (int i = 0; i < items; i++) {
            for (int p = itemStart[i]; p < itemStart[i + 1]; p++) {
                attributeItems[fill[itemAttributes[p]]++] = i;
            }
        }
    }

    public static Builder builder(int items, int attributes) {
        return new Builder(items, attributes);
    }

    /** A knowledge graph with no attributes at all: the KG family then contributes nothing. */
    public static ItemAttributes none(int items) {
        return new Builder(items, 0).build();
    }

    public int items() {
        return items;
    }

    public int attributes() {
        return attributes;
    }

    public int links() {
        return itemAttributes.length;
    }

    /** Attributes of an item, ascending. The returned array is a copy. */
    public int[] attributesOf(int item) {
        return Arrays.copyOfRange(itemAttributes, itemStart[item], itemStart[item + 1]);
    }

    /** Items that carry the attribute, ascending. The returned array is a copy. */
    public int[] itemsWith(int attribute) {
        return Arrays.copyOfRange(attributeItems, attributeStart[attribute], attributeStart[attribute + 1]);
    }

    public int attributeCount(int item) {
        return itemStart[item + 1] - itemStart[item];
    }

    /** Number of items that carry the attribute. */
    public int itemCount(int attribute) {
        return attributeStart[attribute + 1] - attributeStart[attribute];
    }

    int itemStart(int item) {
        return itemStart[item];
    }

    int itemEnd(int item) {
        return itemStart[item + 1];
    }

    int itemAttribute(int position) {
        return itemAttributes[position];
    }

    int attributeStart(int attribute) {
        return attributeStart[attribute];
    }

    int attributeEnd(int attribute) {
        return attributeStart[attribute + 1];
    }

    int attributeItem(int position) {
        return attributeItems[position];
    }

    /** Collects item–attribute links; duplicates are ignored. */
    public static final class Builder {
        private final int items;
        private final int attributes;
        private int size;
        private long[] links = new long[1024];

        private Builder(int items, int attributes) {
            if (items < 0 || attributes < 0) {
                throw new IllegalArgumentException("items and attributes must be >= 0");
            }
            this.items = items;
            this.attributes = attributes;
        }

        public Builder link(int item, int attribute) {
            if (item < 0 || item >= items || attribute < 0 || attribute >= attributes) {
                throw new IllegalArgumentException("link (" + item + ", " + attribute + ") is out of range");
            }
            if (size == links.length) {
                links = Arrays.copyOf(links, size * 2);
            }
            links[size++] = (long) item * attributes + attribute;
            return this;
        }

        public ItemAttributes build() {
            long[] sorted = Arrays.copyOf(links, size);
            Arrays.sort(sorted);
            int[] itemStart = new int[items + 1];
            int[] itemAttributes = new int[size];
            int n = 0;
            for (int p = 0; p < size; p++) {
                if (p > 0 && sorted[p] == sorted[p - 1]) {
                    continue;
                }
                itemStart[(int) (sorted[p] / attributes) + 1]++;
                itemAttributes[n++] = (int) (sorted[p] % attributes);
            }
            for (int i = 0; i < items; i++) {
                itemStart[i + 1] += itemStart[i];
            }
            return new ItemAttributes(items, attributes, itemStart, Arrays.copyOf(itemAttributes, n));
        }
    }
}
