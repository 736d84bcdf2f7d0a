package io.kgrec.cypher.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The types a library query's parameters may have, spelled in headers as Cypher spells them. Each type turns the
 * text a user typed on a command line into the value the driver sends: INTEGER to Long, FLOAT to Double, lists from
 * {@code a,b,c} or a Cypher list literal.
 */
public enum ParameterType {
    STRING("STRING"),
    INTEGER("INTEGER"),
    FLOAT("FLOAT"),
    BOOLEAN("BOOLEAN"),
    LIST_OF_STRING("LIST<STRING>"),
    LIST_OF_INTEGER("LIST<INTEGER>"),
    LIST_OF_FLOAT("LIST<FLOAT>");

    private final String spelling;

    ParameterType(String spelling) {
        this.spelling = spelling;
    }

    /** How headers and messages write the type, e.g. {@code LIST<STRING>}. */
    public String spelling() {
        return spelling;
    }

    /** @throws IllegalArgumentException when no type is spelled so */
    public static ParameterType ofSpelling(String spelling) {
        for (ParameterType t : values()) {
            if (t.spelling.equals(spelling)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown parameter type '" + spelling + "'");
    }

    /**
     * Types a command-line value. Strings are taken as typed; lists are either comma-separated
     * ({@code PURCHASED,RATED}, empty for an empty list) or a Cypher list literal ({@code ['PURCHASED', 'RATED']}).
     *
     * @throws IllegalArgumentException saying what was expected; the caller adds the parameter's name
     */
    public Object parse(String raw) {
        return switch (this) {
            case STRING -> raw;
            case INTEGER, FLOAT, BOOLEAN -> scalar(this, raw.strip());
            case LIST_OF_STRING -> list(raw, STRING);
            case LIST_OF_INTEGER -> list(raw, INTEGER);
            case LIST_OF_FLOAT -> list(raw, FLOAT);
        };
    }

    /** Whether a value (as {@link CypherLiteral} or {@link #parse} produce it) has this type. */
    public boolean accepts(Object value) {
        return switch (this) {
            case STRING -> value instanceof String;
            case INTEGER -> value instanceof Long;
            case FLOAT -> value instanceof Double || value instanceof Long;
            case BOOLEAN -> value instanceof Boolean;
            case LIST_OF_STRING -> value instanceof List<?> l && l.stream().allMatch(STRING::accepts);
            case LIST_OF_INTEGER -> value instanceof List<?> l && l.stream().allMatch(INTEGER::accepts);
            case LIST_OF_FLOAT -> value instanceof List<?> l && l.stream().allMatch(FLOAT::accepts);
        };
    }

    private static Object scalar(ParameterType type, String raw) {
        try {
            return switch (type) {
                case INTEGER -> Long.parseLong(raw);
                case FLOAT -> Double.parseDouble(raw);
                case BOOLEAN -> switch (raw.toLowerCase(Locale.ROOT)) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new NumberFormatException();
                };
                default -> raw;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not " + article(type) + " " + type.spelling);
        }
    }

    private static List<Object> list(String raw, ParameterType element) {
        String text = raw.strip();
        if (text.startsWith("[")) {
            Object literal = CypherLiteral.parse(text);
            ParameterType listType = switch (element) {
                case INTEGER -> LIST_OF_INTEGER;
                case FLOAT -> LIST_OF_FLOAT;
                default -> LIST_OF_STRING;
            };
            if (!listType.accepts(literal)) {
                throw new IllegalArgumentException("'" + raw + "' is not a " + listType.spelling);
            }
            @SuppressWarnings("unchecked")
            List<Object> values = (List<Object>) literal;
            return element == FLOAT ? values.stream().map(v -> (Object) ((Number) v).doubleValue()).toList() : values;
        }
        List<Object> values = new ArrayList<>();
        if (text.isEmpty()) {
            return values;
        }
        for (String part : text.split(",", -1)) {
            values.add(element == STRING ? part.strip() : scalar(element, part.strip()));
        }
        return values;
    }

    private static String article(ParameterType type) {
        return type == INTEGER ? "an" : "a";
    }
}
