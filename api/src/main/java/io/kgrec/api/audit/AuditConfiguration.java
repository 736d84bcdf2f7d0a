package io.kgrec.api.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One recommender configuration the audit compares: a label for people, and the settings passed to
 * {@code kgrec.recommend.stream} (e.g. {@code {diversity: 0.5}}) on top of the audit's list length.
 */
public record AuditConfiguration(String label, Map<String, Object> settings) {
    public AuditConfiguration {
        Objects.requireNonNull(label, "label");
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        if (settings.containsKey("topK")) {
            throw new IllegalArgumentException("configuration '" + label + "': the audit sets topK itself (k)");
        }
    }

    public static AuditConfiguration defaults() {
        return new AuditConfiguration("default", Map.of());
    }

    /** The recommender's configuration map for lists of length {@code k}, three reasons per item. */
    Map<String, Object> recommendConfig(int k) {
        Map<String, Object> config = new LinkedHashMap<>(settings);
        config.put("topK", k);
        config.putIfAbsent("maxReasons", 3);
        return config;
    }
}
