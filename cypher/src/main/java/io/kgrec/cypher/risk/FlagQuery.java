package io.kgrec.cypher.risk;

import io.kgrec.cypher.config.ConfigMap;
import io.kgrec.model.schema.RiskNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed configuration of {@code kgrec.anomaly.stream}: which flags to list.
 *
 * @param statuses   review statuses to include
 * @param kinds      anomaly kinds to include
 * @param customerId only this customer's flags; {@code null} for all
 * @param skip       flags to skip, in the listing order (score descending, then customer and anomaly)
 * @param limit      flags to return at most
 */
public record FlagQuery(List<String> statuses, List<String> kinds, String customerId, long skip, long limit) {
    private static final Set<String> KEYS = Set.of("status", "kind", "customerId", "skip", "limit");
    private static final List<String> STATUSES = List.of(RiskNames.STATUS_OPEN, RiskNames.STATUS_CONFIRMED,
            RiskNames.STATUS_DISMISSED);

    public static FlagQuery of(Map<String, Object> raw) {
        ConfigMap c = ConfigMap.of(raw, KEYS);
        Map<String, Object> map = raw == null ? Map.of() : raw;
        List<String> statuses = strings(map, "status", List.of(RiskNames.STATUS_OPEN, RiskNames.STATUS_CONFIRMED),
                STATUSES);
        List<String> kinds = strings(map, "kind", Arrays.stream(AnomalyKind.values()).map(Enum::name).toList(),
                Arrays.stream(AnomalyKind.values()).map(Enum::name).toList());
        Object customer = map.get("customerId");
        if (customer != null && !(customer instanceof String)) {
            throw new IllegalArgumentException("configuration 'customerId' must be a string, got " + customer);
        }
        return new FlagQuery(statuses, kinds, (String) customer, c.intValue("skip", 0, 0, Integer.MAX_VALUE),
                c.intValue("limit", 1000, 1, 100_000));
    }

    /** A string or a list of strings, each one of {@code allowed}. */
    private static List<String> strings(Map<String, Object> raw, String key, List<String> defaults,
            List<String> allowed) {
        Object v = raw.get(key);
        if (v == null) {
            return defaults;
        }
        List<?> values = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (Object o : values) {
            if (!(o instanceof String s) || !allowed.contains(s)) {
                throw new IllegalArgumentException("configuration '" + key + "' must be one or more of " + allowed
                        + ", got " + o);
            }
            out.add(s);
        }
        return List.copyOf(out);
    }
}
