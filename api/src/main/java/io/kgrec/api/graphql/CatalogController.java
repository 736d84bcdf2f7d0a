package io.kgrec.api.graphql;

import io.kgrec.api.read.Catalog;
import io.kgrec.api.read.Catalog.ItemRef;
import io.kgrec.api.security.Access;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code item} and the item fields that need further reads, batched across all items of a response. */
@Controller
public class CatalogController {
    private final Catalog catalog;
    private final Access access;

    public CatalogController(Catalog catalog, Access access) {
        this.catalog = catalog;
        this.access = access;
    }

    @QueryMapping
    public ItemRef item(@Argument String id) {
        access.require(Access.READ_CATALOG);
        return catalog.item(id).orElse(null);
    }

    @BatchMapping(typeName = "Item", field = "properties")
    public Map<ItemRef, List<Views.Property>> properties(List<ItemRef> items) {
        Map<String, Map<String, Object>> byId = catalog.properties(items.stream().map(ItemRef::id).toList());
        Map<ItemRef, List<Views.Property>> out = new LinkedHashMap<>();
        for (ItemRef item : items) {
            out.put(item, new TreeMap<>(byId.getOrDefault(item.id(), Map.of())).entrySet().stream()
                    .map(e -> new Views.Property(e.getKey(), String.valueOf(e.getValue()))).toList());
        }
        return out;
    }

    @BatchMapping(typeName = "Item", field = "attributes")
    public Map<ItemRef, List<Views.ItemAttribute>> attributes(List<ItemRef> items) {
        Map<String, List<Catalog.Attribute>> byId = catalog.attributes(items.stream().map(ItemRef::id).toList());
        Map<ItemRef, List<Views.ItemAttribute>> out = new LinkedHashMap<>();
        for (ItemRef item : items) {
            out.put(item, byId.getOrDefault(item.id(), List.of()).stream()
                    .map(a -> new Views.ItemAttribute(a.relationship(), a.outgoing() ? "OUT" : "IN",
                            new Views.GraphNode(a.targetId(), a.targetLabels(), a.targetName())))
                    .toList());
        }
        return out;
    }
}
