package io.kgrec.loader.source;

import io.kgrec.loader.read.Row;
import io.kgrec.loader.read.TabularFile;
import io.kgrec.loader.stage.FileAccount;
import io.kgrec.loader.stage.Fields;
import io.kgrec.loader.stage.GraphData;
import io.kgrec.model.id.CustomerId;
import io.kgrec.model.schema.ProfileProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Customer attribute columns become node properties. A column whose every non-empty value is an integer is stored
 * as integers (so analysts can write {@code c.age > 30}); any other column stays text ("65+", "50-74K"). Typing by
 * column rather than by value keeps one property one type across all customers. Empty values are left out. A column
 * named like a property kgrec derives (a profile's {@code segment}, anything starting with {@code kgrec}) is stored
 * with the suffix {@code _source}, so a profile never overwrites source data and training never mistakes one for the
 * other.
 */
public final class CustomerAttributes {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final String idColumn;
    private final List<String> columns;
    private final List<Row> rows = new ArrayList<>();

    public CustomerAttributes(String idColumn) {
        this(idColumn, null);
    }

    /** @param columns the attribute columns, or {@code null} for every column but the id */
    public CustomerAttributes(String idColumn, List<String> columns) {
        this.idColumn = idColumn.toLowerCase(Locale.ROOT);
        this.columns = columns == null ? null : columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Reads a customer attribute file: one row per customer, the id in {@code idColumn}. A second row for the same
     * customer is merged into the first.
     */
    public static void read(TabularFile file, String idColumn, GraphData data, LoadContext context) {
        read(file, idColumn, null, data, context);
    }

    /** @param columns the attribute columns, or {@code null} for every column but the id */
    public static void read(TabularFile file, String idColumn, List<String> columns, GraphData data,
            LoadContext context) {
        CustomerAttributes attributes = new CustomerAttributes(idColumn, columns);
        RowHandler.readAll(file, List.of(attributes.idColumn), context, row -> {
            Fields.customerId(row, attributes.idColumn);
            attributes.add(row);
            return true;
        });
        FileAccount account = context.report().account(file.path());
        attributes.typed().forEach((row, props) -> {
            if (!data.putCustomer(CustomerId.of(row.get(attributes.idColumn)).value(), props)) {
                account.loadedBecameMerged();
            }
        });
    }

    public void add(Row row) {
        rows.add(row);
    }

    static String propertyName(String column) {
        return ProfileProperties.isDerived(column) ? column + "_source" : column;
    }

    /** @return customer id → properties, for the rows added */
    public Map<Row, Map<String, Object>> typed() {
        Map<String, Boolean> integerColumn = new LinkedHashMap<>();
        for (Row row : rows) {
            for (String column : columns == null ? row.index().keySet() : columns) {
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
                    props.put(propertyName(column), isInteger ? (Object) Long.parseLong(v) : v);
                }
            });
            out.put(row, props);
        }
        return out;
    }
}
