package io.kgrec.loader.stage;

import io.kgrec.model.id.EntityKey;
import io.kgrec.model.schema.InteractionType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything one load will write, cleaned and de-duplicated in memory first. Keeping the whole load in memory lets
 * duplicates be merged before writing, so the graph receives each node and relationship exactly once and a
 * second load of the same files writes the same values. Interactions are kept per source file: each file's merged
 * rows become that file's contribution to the interaction relationships.
 */
public final class GraphData {
    private final Map<String, Map<String, Object>> customers = new LinkedHashMap<>();
    private final Map<String, ItemRecord> items = new LinkedHashMap<>();
    private final Map<String, EntityKey> entities = new LinkedHashMap<>();
    private final Set<Fact> facts = new LinkedHashSet<>();
    private final Map<String, Map<InteractionKey, InteractionAggregate>> interactions = new LinkedHashMap<>();
    private final MarketingData marketing = new MarketingData();

    /** @return {@code true} if the customer is new, {@code false} if properties were merged into an earlier row */
    public boolean putCustomer(String id, Map<String, Object> properties) {
        Map<String, Object> existing = customers.get(id);
        if (existing == null) {
            customers.put(id, new LinkedHashMap<>(properties));
            return true;
        }
        existing.putAll(properties);
        return false;
    }

    /** @return {@code true} if the item is new */
    public boolean putItem(String id, String name, Map<String, Object> properties) {
        ItemRecord existing = items.get(id);
        if (existing == null) {
            items.put(id, new ItemRecord(id, name, new LinkedHashMap<>(properties)));
            return true;
        }
        items.put(id, existing.mergedWith(name, properties));
        return false;
    }

    public void putEntity(EntityKey key) {
        entities.putIfAbsent(key.value(), key);
    }

    /** @return {@code true} if the fact is new */
    public boolean addFact(Fact fact) {
        return facts.add(fact);
    }

    /**
     * @param sourceKey the file the row came from ({@link SourceKey})
     * @return {@code true} if this is the file's first row of the interaction, {@code false} if it was merged
     */
    public boolean addInteraction(String sourceKey, String customerId, String itemId, InteractionType type,
            double value, Double spend, Long epochSeconds) {
        InteractionKey key = new InteractionKey(customerId, itemId, type);
        Map<InteractionKey, InteractionAggregate> ofSource =
                interactions.computeIfAbsent(sourceKey, k -> new LinkedHashMap<>());
        InteractionAggregate aggregate = ofSource.get(key);
        boolean isNew = aggregate == null;
        if (isNew) {
            aggregate = new InteractionAggregate();
            ofSource.put(key, aggregate);
        }
        aggregate.add(value, spend, epochSeconds);
        return isNew;
    }

    public boolean hasItem(String id) {
        return items.containsKey(id);
    }

    public boolean hasCustomer(String id) {
        return customers.containsKey(id);
    }

    public Map<String, Map<String, Object>> customers() {
        return customers;
    }

    public Map<String, ItemRecord> items() {
        return items;
    }

    public Map<String, EntityKey> entities() {
        return entities;
    }

    public Set<Fact> facts() {
        return facts;
    }

    /** Source key → that file's merged interactions. */
    public Map<String, Map<InteractionKey, InteractionAggregate>> interactionsBySource() {
        return interactions;
    }

    /** The number of contributions (one per file and interaction) this load writes. */
    public long interactionCount() {
        return interactions.values().stream().mapToLong(Map::size).sum();
    }

    public MarketingData marketing() {
        return marketing;
    }
}
