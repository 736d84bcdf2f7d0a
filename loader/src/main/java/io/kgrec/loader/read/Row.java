package io.kgrec.loader.read;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One data line of a tabular file.
 *
 * @param file   where it came from
 * @param line   its 1-based line number in the file (the header, if any, is line 1)
 * @param raw    the line as read, for the quarantine
 * @param fields the values, cleaned by {@link TextNormaliser}, in column order
 * @param index  column name → position, shared by all rows of the file
 * @param fixes  the cleaning steps applied to this row so far; parsers add theirs
 */
public record Row(Path file, long line, String raw, List<String> fields, Map<String, Integer> index, Fixes fixes) {
    /**
     * The cleaned value of a column (named in any case), or "" when the row is short or the file has no such column.
     */
    public String get(String column) {
        Integer i = index.get(column.toLowerCase(Locale.ROOT));
        return i == null || i >= fields.size() ? "" : fields.get(i);
    }

    public boolean has(String column) {
        return index.containsKey(column.toLowerCase(Locale.ROOT));
    }

    public boolean isBlank(String column) {
        return get(column).isEmpty();
    }

    public void fix(Fix fix) {
        fixes.add(fix);
    }
}
