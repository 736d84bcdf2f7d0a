package io.kgrec.cypher.load;

import java.util.Map;

/**
 * One row of {@code kgrec.load.contribute}: a source file's merged rows of one interaction.
 *
 * @param raw       the file's summed source value (quantity, rating or plays)
 * @param count     how many of the file's rows were merged
 * @param spend     the file's money, or -1 when it has none (money is never negative)
 * @param timestamp epoch seconds of the file's latest row, or -1 when it has no time
 * @param remove    take the file's entry off instead of putting it on
 */
record ContributionRow(String customer, String item, double raw, long count, double spend, long timestamp,
        boolean remove) {
    static final double NO_SPEND = -1.0;
    static final long NO_TIME = -1L;

    /**
     * Reads and checks one row; {@code spend}, {@code timestamp} and {@code remove} may be absent (none, none, false).
     *
     * @throws IllegalArgumentException naming the row and the field
     */
    static ContributionRow of(Object value, int index) {
        if (!(value instanceof Map<?, ?> row)) {
            throw new IllegalArgumentException(at(index, null) + " must be a map, got " + describe(value));
        }
        return new ContributionRow(id(row, "customer", index), id(row, "item", index),
                finite(row, "raw", index), integer(row, "count", index, false),
                row.get("spend") == null ? NO_SPEND : money(row, index),
                row.get("timestamp") == null ? NO_TIME : integer(row, "timestamp", index, true),
                flag(row, "remove", index));
    }

    private static String id(Map<?, ?> row, String field, int index) {
        Object v = row.get(field);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new IllegalArgumentException(at(index, field) + " must be a non-empty string, got " + describe(v));
        }
        return s;
    }

    private static double finite(Map<?, ?> row, String field, int index) {
        Object v = row.get(field);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException(at(index, field) + " must be a finite number, got " + describe(v));
        }
        return n.doubleValue();
    }

    private static double money(Map<?, ?> row, int index) {
        double spend = finite(row, "spend", index);
        if (spend < 0 && spend != NO_SPEND) {
            throw new IllegalArgumentException(at(index, "spend") + " must be at least 0 (or -1 for none), got "
                    + spend);
        }
        return spend;
    }

    private static long integer(Map<?, ?> row, String field, int index, boolean minusOneAllowed) {
        Object v = row.get(field);
        if (!(v instanceof Long || v instanceof Integer) || ((Number) v).longValue() < (minusOneAllowed ? -1 : 0)) {
            throw new IllegalArgumentException(at(index, field) + " must be an integer of at least "
                    + (minusOneAllowed ? "0 (or -1 for none)" : "0") + ", got " + describe(v));
        }
        return ((Number) v).longValue();
    }

    private static boolean flag(Map<?, ?> row, String field, int index) {
        Object v = row.get(field);
        if (v != null && !(v instanceof Boolean)) {
            throw new IllegalArgumentException(at(index, field) + " must be a boolean, got " + describe(v));
        }
        return Boolean.TRUE.equals(v);
    }

    private static String at(int index, String field) {
        return "rows[" + index + "]" + (field == null ? "" : "." + field);
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : "'" + v + "' (" + v.getClass().getSimpleName() + ")";
    }
}
