package io.kgrec.cypher.model;

import java.util.List;

/**
 * Everything the model learns from, in the shape a graph export produces: dense indices for customers, items and
 * attributes, plus their string ids (used only to report and to write results back).
 */
public record TrainingData(InteractionMatrix interactions, ItemAttributes attributes, List<String> customerIds,
                           List<String> itemIds, List<String> attributeIds) {

    public TrainingData {
        customerIds = List.copyOf(customerIds);
        itemIds = List.copyOf(itemIds);
        attributeIds = List.copyOf(attributeIds);
        if (customerIds.size() != interactions.customers()) {
            throw new IllegalArgumentException("customerIds has " + customerIds.size() + " ids for "
                    + interactions.customers() + " customers");
        }
        if (itemIds.size() != interactions.items() || attributes.items() != interactions.items()) {
            throw new IllegalArgumentException("interactions, attributes and itemIds disagree on the number of items");
        }
        if (attributeIds.size() != attributes.attributes()) {
            throw new IllegalArgumentException("attributeIds has " + attributeIds.size() + " ids for "
                    + attributes.attributes() + " attributes");
        }
    }

    public int items() {
        return interactions.items();
    }

    public int customers() {
        return interactions.customers();
    }

    /** The same catalog and knowledge graph with other interactions, e.g. the validation training split. */
    public TrainingData withInteractions(InteractionMatrix other, List<String> otherCustomerIds) {
        return new TrainingData(other, attributes, otherCustomerIds, itemIds, attributeIds);
    }
}
