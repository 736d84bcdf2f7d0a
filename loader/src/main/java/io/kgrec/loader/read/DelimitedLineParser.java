package io.kgrec.loader.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line into raw fields. Without quoting (TSV, MovieLens' {@code |} files) every separator splits. With
 * quoting (CSV) fields follow RFC 4180: a field may be quoted, and a quote inside is doubled.
 */
final class DelimitedLineParser {
    private final char separator;
    private final boolean quoting;

    DelimitedLineParser(char separator, boolean quoting) {
        this.separator = separator;
        this.quoting = quoting;
    }

    /**
     * @throws IllegalArgumentException if a quoted field is not closed on the line
     */
    List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        if (!quoting) {
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == separator) {
                    fields.add(line.substring(start, i));
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
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }
}
