package io.kgrec.cypher.model;

import java.util.List;

/**
 * Everything the model learns from, in the shape a graph export produces: dense indices for customers, items and
 * attributes, plus their string ids (used only to report and to write results back), and optional categorical
 * customer attributes for the segment prior.
 */
public record TrainingData(InteractionMatrix interactions, ItemAttributes attributes, List<String> customerIds,
                           List<String> itemIds, List<String> attributeIds, CustomerAttributes customerAttributes) {

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
        if (customerAttributes.customers() != interactions.customers()) {
            throw new IllegalArgumentException("customerAttributes cover " + customerAttributes.customers()
                    + " customers, interactions " + interactions.customers());
        }
    }

    /** Without customer attributes. */
    public TrainingData(InteractionMatrix interactions, ItemAttributes attributes, List<String> customerIds,
                        List<String> itemIds, List<String> attributeIds) {
        this(interactions, attributes, customerIds, itemIds, attributeIds,
                CustomerAttributes.none(interactions.customers()));
    }

    public int items() {
        return interactions.items();
    }

    public int customers() {
        return interactions.customers();
    }

    /** A customer's history as the model sees it: transformed values plus the customer's attribute values. */
    public History history(int customer, InteractionTransform transform) {
        return interactions.history(customer, transform).withAttributes(customerAttributes.of(customer));
    }

    /** The same catalog, knowledge graph and customers with other interactions, e.g. a validation training split. */
    public TrainingData withInteractions(InteractionMatrix other) {
        return new TrainingData(other, attributes, customerIds, itemIds, attributeIds, customerAttributes);
    }
}
