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

    /** A list of non-empty strings, at most {@code maxSize} long; empty when absent. */
    public java.util.List<String> stringList(String key, int maxSize) {
        Object v = raw.get(key);
        if (v == null) {
            return java.util.List.of();
        }
        if (!(v instanceof java.util.List<?> list)) {
            throw new IllegalArgumentException("configuration '" + key + "' must be a list of strings, got "
                    + describe(v));
        }
        if (list.size() > maxSize) {
            throw new IllegalArgumentException("configuration '" + key + "' may have at most " + maxSize
                    + " entries, got " + list.size());
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException("configuration '" + key + "' must hold non-empty strings, got "
                        + describe(o));
            }
            out.add(s);
        }
        return java.util.List.copyOf(out);
    }

    /** A map from string to finite number, at most {@code maxSize} entries; empty when absent. */
    public Map<String, Double> numberMap(String key, int maxSize) {
        Object v = raw.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("configuration '" + key + "' must be a map of numbers, got "
                    + describe(v));
        }
        if (map.size() > maxSize) {
            throw new IllegalArgumentException("configuration '" + key + "' may have at most " + maxSize
                    + " entries, got " + map.size());
        }
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        map.forEach((k, n) -> {
            if (!(n instanceof Number num) || !Double.isFinite(num.doubleValue())) {
                throw new IllegalArgumentException("configuration '" + key + "' entry '" + k
                        + "' must be a finite number, got " + describe(n));
            }
            out.put(String.valueOf(k), num.doubleValue());
        });
        return Map.copyOf(out);
    }

    /**
     * A map from a name to a non-empty list of non-empty strings (numbers are taken as their text), at most
     * {@code maxSize} entries of at most {@code maxValues} values each; empty when absent.
     */
    public Map<String, java.util.List<String>> stringListMap(String key, int maxSize, int maxValues) {
        Object v = raw.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("configuration '" + key + "' must be a map of lists, got "
                    + describe(v));
        }
        if (map.size() > maxSize) {
            throw new IllegalArgumentException("configuration '" + key + "' may have at most " + maxSize
                    + " entries, got " + map.size());
        }
        Map<String, java.util.List<String>> out = new java.util.LinkedHashMap<>();
        map.forEach((k, values) -> {
            String name = String.valueOf(k);
            java.util.List<?> list = values instanceof java.util.List<?> l ? l : java.util.List.of(values);
            if (name.isBlank() || list.isEmpty() || list.size() > maxValues) {
                throw new IllegalArgumentException("configuration '" + key + "' entry '" + name
                        + "' must name a property and list 1 to " + maxValues + " values, got " + describe(values));
            }
            java.util.List<String> texts = new java.util.ArrayList<>();
            for (Object o : list) {
                if (!(o instanceof String || o instanceof Number) || String.valueOf(o).isBlank()) {
                    throw new IllegalArgumentException("configuration '" + key + "' entry '" + name
                            + "' must hold non-empty strings or numbers, got " + describe(o));
                }
                texts.add(String.valueOf(o));
            }
            out.put(name, java.util.List.copyOf(texts));
        });
        return Map.copyOf(out);
    }

    /** A nested configuration map, read with its own allowed keys; {@code null} when absent. */
    @SuppressWarnings("unchecked")
    public ConfigMap nested(String key, Set<String> allowedKeys) {
        Object v = raw.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("configuration '" + key + "' must be a map, got " + describe(v));
        }
        try {
            return of((Map<String, Object>) v, allowedKeys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("configuration '" + key + "': " + e.getMessage(), e);
        }
    }

    /** A string value, or {@code null} when absent. */
    public String string(String key) {
        Object v = raw.get(key);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException("configuration '" + key + "' must be a string, got " + describe(v));
        }
        return (String) v;
    }

    /** An optional number: {@code null} when absent. */
    public Double optionalDouble(String key) {
        return raw.get(key) == null ? null : doubleValue(key, 0, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
