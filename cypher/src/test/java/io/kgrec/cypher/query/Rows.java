package io.kgrec.cypher.query;

import java.util.HashMap;
import java.util.Map;

/** Expected result rows, written as alternating column names and values (which, unlike Map.of, may be null). */
final class Rows {
    private Rows() {
    }

    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }
}
