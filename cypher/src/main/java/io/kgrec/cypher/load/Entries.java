package io.kgrec.cypher.load;

import static io.kgrec.model.schema.InteractionProperties.COUNT;
import static io.kgrec.model.schema.InteractionProperties.RAW;
import static io.kgrec.model.schema.InteractionProperties.SOURCES;
import static io.kgrec.model.schema.InteractionProperties.SOURCE_COUNT;
import static io.kgrec.model.schema.InteractionProperties.SOURCE_RAW;
import static io.kgrec.model.schema.InteractionProperties.SOURCE_SPEND;
import static io.kgrec.model.schema.InteractionProperties.SOURCE_TIMESTAMP;
import static io.kgrec.model.schema.InteractionProperties.SPEND;
import static io.kgrec.model.schema.InteractionProperties.TIMESTAMP;

import java.util.Arrays;
import java.util.function.Function;

/**
 * The per-file contributions on one interaction relationship (see
 * {@link io.kgrec.model.schema.InteractionProperties}), sorted by source key. This is the loader's Cypher statement
 * {@code CONTRIBUTE} in Java, step for step, so both give the same properties: reading the entries back from the
 * stored arrays (or from the totals when one entry keeps no arrays), putting a file's entry in its sorted place (or
 * taking it off), and summing in entry order, so the doubles come out identical whichever way a file was written.
 */
record Entries(String[] sources, double[] raw, long[] count, double[] spend, long[] time) {
    static final Entries NONE = new Entries(new String[0], new double[0], new long[0], new double[0], new long[0]);

    /**
     * Reads the entries a relationship holds.
     *
     * @param property the relationship's property by name, {@code null} when absent
     * @throws IllegalStateException if the arrays are shorter than {@code sources} (not written by the loader)
     */
    static Entries read(Function<String, Object> property) {
        String[] sources = property.apply(SOURCES) instanceof String[] s ? s : new String[0];
        int n = sources.length;
        boolean one = n == 1;
        Object raw = property.apply(SOURCE_RAW);
        Object count = property.apply(SOURCE_COUNT);
        Object spend = property.apply(SOURCE_SPEND);
        Object time = property.apply(SOURCE_TIMESTAMP);
        return new Entries(sources,
                one && raw == null ? new double[] {number(property.apply(RAW), RAW).doubleValue()}
                        : doubles(raw, n, SOURCE_RAW),
                one && count == null ? new long[] {number(property.apply(COUNT), COUNT).longValue()}
                        : longs(count, n, SOURCE_COUNT),
                spend != null ? doubles(spend, n, SOURCE_SPEND)
                        : filled(n, one ? orNone(property.apply(SPEND), ContributionRow.NO_SPEND)
                                : ContributionRow.NO_SPEND),
                time != null ? longs(time, n, SOURCE_TIMESTAMP)
                        : filledLongs(n, one ? orNoTime(property.apply(TIMESTAMP))
                                : ContributionRow.NO_TIME));
    }

    /** These entries with the file's own replaced by the row's (or removed, for a removal row). */
    Entries with(String source, ContributionRow row) {
        int n = sources.length;
        int before = 0;
        while (before < n && compare(sources[before], source) < 0) {
            before++;
        }
        int after = before;
        while (after < n && compare(sources[after], source) == 0) {
            after++;
        }
        int own = row.remove() ? 0 : 1;
        int size = before + own + (n - after);
        Entries e = new Entries(new String[size], new double[size], new long[size], new double[size], new long[size]);
        copy(this, 0, e, 0, before);
        if (own == 1) {
            e.sources[before] = source;
            e.raw[before] = row.raw();
            e.count[before] = row.count();
            e.spend[before] = row.spend();
            e.time[before] = row.timestamp();
        }
        copy(this, after, e, before + own, n - after);
        return e;
    }

    boolean isEmpty() {
        return sources.length == 0;
    }

    /**
     * The relationship's properties for these entries; a {@code null} value means the property is removed.
     *
     * @param rating weigh by the mean rather than the sum
     */
    Object[] properties(boolean rating) {
        boolean several = sources.length > 1;
        double rawSum = 0.0;
        long countSum = 0;
        double spendSum = 0.0;
        boolean anySpend = false;
        long latest = -1;
        boolean anyTime = false;
        for (int k = 0; k < sources.length; k++) {
            rawSum = rawSum + raw[k];
            countSum = countSum + count[k];
            anySpend |= spend[k] >= 0;
            spendSum = spendSum + (spend[k] >= 0 ? spend[k] : 0.0);
            anyTime |= time[k] >= 0;
            latest = time[k] > latest ? time[k] : latest;
        }
        Double weight = countSum == 0 ? null : rating ? Math.log(1 + rawSum / countSum) : Math.log(1 + rawSum);
        return new Object[] {
            sources,
            several ? raw : null,
            several ? count : null,
            several && anySpend ? spend : null,
            several && anyTime ? time : null,
            rawSum, countSum, weight,
            anySpend ? spendSum : null,
            anyTime ? latest : null};
    }

    /** The property names, in the order of {@link #properties(boolean)}. */
    static final String[] KEYS = {SOURCES, SOURCE_RAW, SOURCE_COUNT, SOURCE_SPEND, SOURCE_TIMESTAMP, RAW, COUNT,
        io.kgrec.model.schema.InteractionProperties.WEIGHT, SPEND, TIMESTAMP};

    /** Cypher orders strings by Unicode code point, which differs from {@link String#compareTo} above U+FFFF. */
    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void copy(Entries from, int fromIndex, Entries to, int toIndex, int length) {
        System.arraycopy(from.sources, fromIndex, to.sources, toIndex, length);
        System.arraycopy(from.raw, fromIndex, to.raw, toIndex, length);
        System.arraycopy(from.count, fromIndex, to.count, toIndex, length);
        System.arraycopy(from.spend, fromIndex, to.spend, toIndex, length);
        System.arraycopy(from.time, fromIndex, to.time, toIndex, length);
    }

    private static Number number(Object value, String name) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalStateException("interaction relationship with one source has no numeric '" + name + "'");
    }

    private static double orNone(Object value, double none) {
        return value instanceof Number n ? n.doubleValue() : none;
    }

    private static long orNoTime(Object value) {
        return value instanceof Number n ? n.longValue() : ContributionRow.NO_TIME;
    }

    private static double[] doubles(Object array, int n, String name) {
        double[] out = new double[n];
        for (int k = 0; k < n; k++) {
            out[k] = element(array, k, n, name).doubleValue();
        }
        return out;
    }

    private static long[] longs(Object array, int n, String name) {
        long[] out = new long[n];
        for (int k = 0; k < n; k++) {
            out[k] = element(array, k, n, name).longValue();
        }
        return out;
    }

    private static Number element(Object array, int k, int n, String name) {
        if (array != null && array.getClass().isArray() && java.lang.reflect.Array.getLength(array) >= n
                && java.lang.reflect.Array.get(array, k) instanceof Number x) {
            return x;
        }
        throw new IllegalStateException("interaction relationship's '" + name + "' does not hold a number for each of "
                + "its " + n + " sources");
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    private static long[] filledLongs(int n, long value) {
        long[] out = new long[n];
        Arrays.fill(out, value);
        return out;
    }
}
