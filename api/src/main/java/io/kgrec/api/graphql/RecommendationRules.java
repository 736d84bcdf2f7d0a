package io.kgrec.api.graphql;

import io.kgrec.api.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the GraphQL {@code filter} and {@code diversity} arguments into the business-rule keys of
 * {@code kgrec.recommend.stream}'s configuration, which checks them again and names any bad value.
 */
final class RecommendationRules {
    private RecommendationRules() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Map<String, Object> filter, Double diversity) {
        Map<String, Object> rules = new LinkedHashMap<>();
        if (diversity != null) {
            if (diversity < 0 || diversity > 1 || diversity.isNaN()) {
                throw ApiException.badRequest("diversity must be between 0 and 1, got " + diversity);
            }
            rules.put("diversity", diversity);
        }
        if (filter == null) {
            return rules;
        }
        for (String key : List.of("excludeInteracted", "includeAttributes", "excludeAttributes", "pin")) {
            if (filter.get(key) != null) {
                rules.put(key, filter.get(key));
            }
        }
        if (filter.get("range") != null) {
            Map<String, Object> range = new LinkedHashMap<>();
            ((Map<String, Object>) filter.get("range")).forEach((k, v) -> {
                if (v != null) {
                    range.put(k, v);
                }
            });
            rules.put("range", range);
        }
        if (filter.get("boost") != null) {
            Map<String, Object> boost = new LinkedHashMap<>();
            for (Map<String, Object> b : (List<Map<String, Object>>) filter.get("boost")) {
                boost.merge((String) b.get("itemId"), b.get("amount"), (x, y) -> {
                    throw ApiException.badRequest("boost names item '" + b.get("itemId") + "' twice");
                });
            }
            rules.put("boost", boost);
        }
        if (filter.get("pin") instanceof List<?> pins && pins.size() > 20) {
            throw ApiException.badRequest("pin may name at most 20 items, got " + pins.size());
        }
        return rules;
    }
}
