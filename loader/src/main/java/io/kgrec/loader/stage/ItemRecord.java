package io.kgrec.loader.stage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item as it will be written.
 *
 * @param name       display name; may be empty
 * @param properties further scalar properties (price, package size...)
 */
public record ItemRecord(String id, String name, Map<String, Object> properties) {
    ItemRecord mergedWith(String otherName, Map<String, Object> otherProperties) {
        Map<String, Object> merged = new LinkedHashMap<>(properties);
        merged.putAll(otherProperties);
        // A later row fills a missing name but never blanks an existing one.
        return new ItemRecord(id, otherName == null || otherName.isEmpty() ? name : otherName, merged);
    }
}
