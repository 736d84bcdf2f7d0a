package io.kgrec.cypher.recommend;

import io.kgrec.cypher.config.ConfigMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a shop wants on top of the model's ranking. Filters drop items, boosts add a named term to an item's score
 * (so the explanation still adds up), pins put items first whatever their score, and diversity re-ranks the list
 * (maximal marginal relevance) without changing any score.
 *
 * @param excludeInteracted drop items the customer already has (default)
 * @param includeAttributes keep only items linked to at least one of these entity keys or item ids
 * @param excludeAttributes drop items linked to any of these
 * @param range             keep only items whose numeric property lies in the range; {@code null}: no range
 * @param pin               item ids placed first, in this order
 * @param boost             item id → amount added to its score
 * @param diversity         0: rank by score; 1: rank almost only by dissimilarity to the items above
 */
public record BusinessRules(boolean excludeInteracted, List<String> includeAttributes, List<String> excludeAttributes,
        NumericRange range, List<String> pin, Map<String, Double> boost, double diversity) {
    static final Set<String> KEYS = Set.of("excludeInteracted", "includeAttributes", "excludeAttributes", "range", "pin",
            "boost", "diversity");
    private static final int MAX_LIST = 100;
    private static final int MAX_PINS = 20;

    public static final BusinessRules NONE = new BusinessRules(true, List.of(), List.of(), null, List.of(), Map.of(), 0);

    /** A closed range [min, max] over a numeric item property; a missing bound is open. */
    public record NumericRange(String property, Double min, Double max) {
        boolean contains(Object value) {
            if (!(value instanceof Number n)) {
                return false;
            }
            double v = n.doubleValue();
            return (min == null || v >= min) && (max == null || v <= max);
        }
    }

    static BusinessRules of(ConfigMap c) {
        ConfigMap range = c.nested("range", Set.of("property", "min", "max"));
        NumericRange parsedRange = null;
        if (range != null) {
            String property = range.string("property");
            if (property == null || property.isBlank()) {
                throw new IllegalArgumentException("configuration 'range' needs a 'property'");
            }
            parsedRange = new NumericRange(property, range.optionalDouble("min"), range.optionalDouble("max"));
            if (parsedRange.min() != null && parsedRange.max() != null && parsedRange.min() > parsedRange.max()) {
                throw new IllegalArgumentException("configuration 'range': min " + parsedRange.min()
                        + " is greater than max " + parsedRange.max());
            }
        }
        return new BusinessRules(c.booleanValue("excludeInteracted", true),
                c.stringList("includeAttributes", MAX_LIST), c.stringList("excludeAttributes", MAX_LIST),
                parsedRange, c.stringList("pin", MAX_PINS), c.numberMap("boost", MAX_LIST),
                c.doubleValue("diversity", 0.0, 0.0, 1.0));
    }

    /** Whether any filter applies (pins, boosts and diversity are not filters). */
    boolean filters() {
        return !includeAttributes.isEmpty() || !excludeAttributes.isEmpty() || range != null;
    }
}
