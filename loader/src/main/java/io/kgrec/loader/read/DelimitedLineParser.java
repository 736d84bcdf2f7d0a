package io.kgrec.loader.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into fields. Tab-separated files are split on every tab (the canonical format forbids tabs inside
 * values). Comma-separated files follow RFC 4180: a field may be quoted, and a quote inside is doubled.
 */
final class DelimitedLineParser {
    private final char separator;

    DelimitedLineParser(char separator) {
        this.separator = separator;
    }

    /**
     * @throws IllegalArgumentException if a quoted field is not closed on the line
     */
    List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        if (separator == '\t') {
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == '\t') {
                    fields.add(line.substring(start, i).strip());
                    start = i + 1;
                }
            }
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
            } else if (ch == separator) {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }
}
