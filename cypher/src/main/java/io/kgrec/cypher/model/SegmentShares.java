package io.kgrec.cypher.model;

/**
 * Item popularity within each segment of one customer-attribute column, shrunk towards the global share:
 * share_s(i) = α_s · share(i) + (1 − α_s) · count_s(i) / n_s with α_s = m / (n_s + m), so small segments lean on
 * the global popularity. Both parts are kept apart so an explanation can name them separately.
 */
public record SegmentShares(int column, String name, double[] globalPart, double[][] segmentShare,
                            String[] valueIds) {

    /** Columns with more values than this are too fine to estimate per-item shares. */
    public static final int MAX_SEGMENTS = 100;

    public static SegmentShares of(TrainingData data, int column, double shrinkage) {
        CustomerAttributes attributes = data.customerAttributes();
        int segments = attributes.values(column);
        if (segments > MAX_SEGMENTS) {
            throw new IllegalArgumentException("column " + attributes.name(column) + " has " + segments
                    + " values, more than " + MAX_SEGMENTS);
        }
        if (!(shrinkage > 0)) {
            throw new IllegalArgumentException("shrinkage must be > 0");
        }
        InteractionMatrix x = data.interactions();
        double[][] share = new double[segments][x.items()];
        int[] size = new int[segments];
        for (int c = 0; c < x.customers(); c++) {
            int s = attributes.value(column, c);
            if (s < 0) {
                continue;
            }
            size[s]++;
            for (int p = x.rowStart(c); p < x.rowEnd(c); p++) {
                share[s][x.rowItem(p)]++;
            }
        }
        double[] globalPart = new double[segments];
        String[] ids = new String[segments];
        for (int s = 0; s < segments; s++) {
            globalPart[s] = shrinkage / (size[s] + shrinkage);
            for (int i = 0; i < x.items(); i++) {
                share[s][i] = size[s] == 0 ? 0.0 : share[s][i] / size[s];
            }
            ids[s] = attributes.valueId(column, s);
        }
        return new SegmentShares(column, attributes.name(column), globalPart, share, ids);
    }

    /** The name of the segment term for a customer's segment, e.g. "segment:household_comp=2 Adults Kids". */
    public String termName(int segment) {
        return "segment:" + name + "=" + valueIds[segment];
    }
}
