package io.kgrec.loader.source;

import io.kgrec.loader.read.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Customer attribute columns become node properties. A column whose every non-empty value is an integer is stored
 * as integers (so analysts can write {@code c.age > 30}); any other column stays text ("65+", "50-74K"). Typing by
 * column rather than by value keeps one property one type across all customers. Empty values are left out.
 */
public final class CustomerAttributes {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final String idColumn;
    private final List<Row> rows = new ArrayList<>();

    public CustomerAttributes(String idColumn) {
        this.idColumn = idColumn;
    }

    public void add(Row row) {
        rows.add(row);
    }

    /** @return customer id → properties, for the rows added */
    public Map<Row, Map<String, Object>> typed() {
        Map<String, Boolean> integerColumn = new LinkedHashMap<>();
        for (Row row : rows) {
            for (String column : row.index().keySet()) {
                String v = row.get(column);
                if (!column.equals(idColumn) && !v.isEmpty()) {
                    integerColumn.merge(column, INTEGER.matcher(v).matches(), Boolean::logicalAnd);
                }
            }
        }
        Map<Row, Map<String, Object>> out = new LinkedHashMap<>();
        for (Row row : rows) {
            Map<String, Object> props = new LinkedHashMap<>();
            integerColumn.forEach((column, isInteger) -> {
                String v = row.get(column);
                if (!v.isEmpty()) {
                    props.put(column, isInteger ? (Object) Long.parseLong(v) : v);
                }
            });
            out.put(row, props);
        }
        return out;
    }
}
