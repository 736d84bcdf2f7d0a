package io.kgrec.cypher.config;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a procedure's configuration map once, with defaults and range checks, so algorithms only ever see typed
 * values. Every error names the key and says what was expected.
 */
public final class ConfigMap {
    private final Map<String, Object> raw;

    private ConfigMap(Map<String, Object> raw) {
        this.raw = raw == null ? Map.of() : raw;
    }

    /**
     * @throws IllegalArgumentException if the map has a key outside {@code allowedKeys}
     */
    public static ConfigMap of(Map<String, Object> raw, Set<String> allowedKeys) {
        ConfigMap config = new ConfigMap(raw);
        Set<String> unknown = new TreeSet<>(config.raw.keySet());
        unknown.removeAll(allowedKeys);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown configuration key(s) " + unknown + "; valid keys are "
                    + new TreeSet<>(allowedKeys));
        }
        return config;
    }

    public int intValue(String key, int defaultValue, int min, int max) {
        Object v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException("configuration '" + key + "' must be an integer, got " + describe(v));
        }
        long value = n.longValue();
        if (value < min || value > max) {
            throw new IllegalArgumentException("configuration '" + key + "' must be in [" + min + ", " + max
                    + "], got " + value);
        }
        return (int) value;
    }

    public double doubleValue(String key, double defaultValue, double min, double max) {
        Object v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException("configuration '" + key + "' must be a finite number, got " + describe(v));
        }
        double value = n.doubleValue();
        if (value < min || value > max) {
            throw new IllegalArgumentException("configuration '" + key + "' must be in [" + min + ", " + max
                    + "], got " + value);
        }
        return value;
    }

    public boolean booleanValue(String key, boolean defaultValue) {
        Object v = raw.get(key);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("configuration '" + key + "' must be true or false, got " + describe(v));
        }
        return b;
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
