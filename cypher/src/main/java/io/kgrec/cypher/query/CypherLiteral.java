package io.kgrec.cypher.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Cypher literals that headers give as example values ({@code :param topK => 10}): strings in single or
 * double quotes with backslash escapes, integers (as Long), floats (as Double), {@code true}, {@code false},
 * {@code null} and lists of these. Nothing else is needed for parameter values, so nothing else is accepted.
 */
public final class CypherLiteral {
    private final String text;
    private int at;

    private CypherLiteral(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException naming the position of the first thing that is not a literal */
    public static Object parse(String text) {
        CypherLiteral reader = new CypherLiteral(text);
        Object value = reader.value();
        reader.skipSpace();
        if (reader.at != text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        if (at >= text.length()) {
            throw error("a value is missing");
        }
        char c = text.charAt(at);
        if (c == '[') {
            return list();
        }
        if (c == '\'' || c == '"') {
            return string(c);
        }
        int start = at;
        while (at < text.length() && ",] \t".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        String word = text.substring(start, at);
        switch (word) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                break;
        }
        try {
            return word.matches("-?\\d+") ? (Object) Long.parseLong(word) : (Object) Double.parseDouble(word);
        } catch (NumberFormatException e) {
            at = start;
            throw error("'" + word + "' is not a string, number, boolean, null or list");
        }
    }

    private List<Object> list() {
        at++;
        List<Object> values = new ArrayList<>();
        skipSpace();
        if (at < text.length() && text.charAt(at) == ']') {
            at++;
            return values;
        }
        while (true) {
            values.add(value());
            skipSpace();
            if (at >= text.length()) {
                throw error("the list is not closed with ]");
            }
            char c = text.charAt(at++);
            if (c == ']') {
                return values;
            }
            if (c != ',') {
                at--;
                throw error("expected , or ]");
            }
        }
    }

    private String string(char quote) {
        StringBuilder s = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == quote) {
                return s.toString();
            }
            if (c == '\\' && at < text.length()) {
                char e = text.charAt(at++);
                s.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> e;
                });
            } else {
                s.append(c);
            }
        }
        throw error("the string is not closed with " + quote);
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at position " + (at + 1) + " of " + text);
    }
}
