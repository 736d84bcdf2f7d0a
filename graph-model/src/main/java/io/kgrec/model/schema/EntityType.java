package io.kgrec.model.schema;

import java.util.regex.Pattern;

/**
 * The type of an attribute or knowledge-graph entity, such as {@code brand}, {@code department} or
 * {@code product_category}. The type becomes the entity's {@code type} property and a second label
 * ({@code Brand}, {@code Department}, {@code ProductCategory}) beside {@code :Entity}.
 */
public record EntityType(String name) {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]*");

    public EntityType {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("entity type '" + name
                    + "' must start with a lower-case letter and use only a-z, 0-9 and _");
        }
    }

    /** Parses and normalises a raw type: trims, lower-cases, turns other characters into underscores. */
    public static EntityType of(String raw) {
        String n = raw == null ? "" : raw.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (!n.isEmpty() && !Character.isLetter(n.charAt(0))) {
            n = "t_" + n;
        }
        return new EntityType(n);
    }

    /** {@code product_category} → {@code ProductCategory}. */
    public String label() {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        String label = sb.toString();
        // Keep the primary labels unambiguous: an entity type named "item" must not make an :Item.
        return switch (label) {
            case Labels.CUSTOMER, Labels.ITEM, Labels.ENTITY -> label + "Entity";
            default -> label;
        };
    }

    /** "product_category" → "product category". */
    public String words() {
        return name.replace('_', ' ');
    }
}
