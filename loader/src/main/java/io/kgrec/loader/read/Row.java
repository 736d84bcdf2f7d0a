package io.kgrec.loader.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One data line of a tabular file.
 *
 * @param file   where it came from
 * @param line   its 1-based line number in the file (the header is line 1)
 * @param raw    the line as read, for the quarantine
 * @param fields the values, trimmed, in column order
 * @param index  column name → position, shared by all rows of the file
 */
public record Row(Path file, long line, String raw, List<String> fields, Map<String, Integer> index) {
    /** The trimmed value of a column, or "" when the row is short or the file has no such column. */
    public String get(String column) {
        Integer i = index.get(column);
        return i == null || i >= fields.size() ? "" : fields.get(i);
    }

    public boolean has(String column) {
        return index.containsKey(column);
    }

    public boolean isBlank(String column) {
        return get(column).isEmpty();
    }
}
