package io.kgrec.api.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts customers into groups by one attribute. Categorical values are their own groups. A numeric attribute with
 * more than {@link #MAX_CATEGORIES} distinct values (an age in years) is cut into {@link #BINS} groups of about
 * equal size at its quantiles, named by the range of values inside. Customers without the attribute form the group
 * {@link #UNKNOWN}, so nobody drops out of the audit silently.
 */
final class CustomerGrouping {
    static final String UNKNOWN = "(unknown)";
    static final int MAX_CATEGORIES = 8;
    static final int BINS = 5;

    private CustomerGrouping() {
    }

    /** @return customer → group label, for every customer in {@code customers} */
    static Map<String, String> of(List<String> customers, Map<String, Object> values) {
        Map<String, Double> numbers = new HashMap<>();
        boolean numeric = true;
        for (String c : customers) {
            Object v = values.get(c);
            if (v == null) {
                continue;
            }
            Double d = number(v);
            if (d == null) {
                numeric = false;
                break;
            }
            numbers.put(c, d);
        }
        long distinct = numbers.values().stream().distinct().count();
        Map<String, String> groups = new HashMap<>();
        if (numeric && distinct > MAX_CATEGORIES) {
            double[] bounds = bounds(numbers.values().stream().mapToDouble(Double::doubleValue).sorted().toArray());
            Map<Integer, double[]> ranges = new HashMap<>();
            Map<String, Integer> bin = new HashMap<>();
            numbers.forEach((c, v) -> {
                int b = binOf(bounds, v);
                bin.put(c, b);
                ranges.merge(b, new double[] {v, v}, (a, x) -> new double[] {Math.min(a[0], x[0]), Math.max(a[1], x[1])});
            });
            for (String c : customers) {
                Integer b = bin.get(c);
                groups.put(c, b == null ? UNKNOWN : label(ranges.get(b)));
            }
        } else {
            for (String c : customers) {
                Object v = values.get(c);
                groups.put(c, v == null ? UNKNOWN : v.toString());
            }
        }
        return groups;
    }

    /** The upper bounds of the first {@code BINS - 1} bins: the values at the 1/BINS, 2/BINS, ... quantiles. */
    private static double[] bounds(double[] sorted) {
        double[] bounds = new double[BINS - 1];
        for (int b = 1; b < BINS; b++) {
            bounds[b - 1] = sorted[Math.min(sorted.length - 1, (int) Math.ceil((double) b * sorted.length / BINS) - 1)];
        }
        return bounds;
    }

    private static int binOf(double[] bounds, double v) {
        int b = 0;
        while (b < bounds.length && v > bounds[b]) {
            b++;
        }
        return b;
    }

    private static String label(double[] range) {
        return range[0] == range[1] ? format(range[0]) : format(range[0]) + "–" + format(range[1]);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Group labels in a readable order: numeric ranges by their start, then the rest by name, unknown last. */
    static List<String> ordered(Map<String, String> groups) {
        List<String> labels = new ArrayList<>(groups.values().stream().distinct().toList());
        labels.sort((a, b) -> {
            if (a.equals(UNKNOWN) || b.equals(UNKNOWN)) {
                return a.equals(b) ? 0 : a.equals(UNKNOWN) ? 1 : -1;
            }
            Double x = start(a);
            Double y = start(b);
            if (x != null && y != null) {
                return Double.compare(x, y);
            }
            return a.compareTo(b);
        });
        return labels;
    }

    private static Double start(String label) {
        return number(label.split("–")[0]);
    }
}
