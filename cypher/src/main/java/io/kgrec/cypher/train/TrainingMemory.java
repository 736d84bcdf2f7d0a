package io.kgrec.cypher.train;

import java.util.Locale;

/**
 * The heap a training run may use, checked after the graph is read and before anything large is allocated. The run
 * shares the JVM with the database and, embedded, with the service: it must never take their heap.
 *
 * <p>Two parts are sized: the dense EASE solve (a Gram matrix of the dense items inverted in place, two of them while
 * the search compares a candidate with the best so far), which the run cannot do without; and tuning's cached
 * scores (a float per hold-out customer and item, for each of the four scored families), which shrink by scoring a
 * seeded sample of the hold-out customers. When the budget cannot hold even the solve and a small sample, the run
 * is refused before it starts, with the figures.
 */
record TrainingMemory(long budgetBytes) {
    /** Families whose scores tuning caches at once (collaborative, walk, knowledge graph, embedding). */
    static final int SCORED_FAMILIES = 4;
    /** Headroom over the counted arrays: boxed histories, per-thread score rows, garbage not yet collected. */
    static final double HEADROOM = 1.5;
    /** The smallest tuning sample worth tuning on. */
    static final int MIN_TUNING_CUSTOMERS = 200;

    /** The heap free now, times the fraction a run may take of it. */
    static TrainingMemory ofFreeHeap(double fraction) {
        Runtime r = Runtime.getRuntime();
        long free = r.maxMemory() - (r.totalMemory() - r.freeMemory());
        return new TrainingMemory((long) (free * fraction));
    }

    /** Two n×n matrices of doubles: the search keeps its best solution while it solves the next candidate. */
    static long easeBytes(int denseItems) {
        return 2L * denseItems * denseItems * Double.BYTES;
    }

    static long tuningBytesPerCustomer(int items) {
        return (long) ((long) SCORED_FAMILIES * items * Float.BYTES * HEADROOM);
    }

    /**
     * The tuning cap (customers × items scores per family) that fits the budget: the requested one if it fits.
     *
     * @throws IllegalStateException when even the EASE solve and the smallest sample do not fit
     */
    long tuningScores(long requested, int items, int denseItems) {
        long ease = easeBytes(denseItems);
        long perCustomer = tuningBytesPerCustomer(items);
        long needed = ease + MIN_TUNING_CUSTOMERS * perCustomer;
        if (needed > budgetBytes) {
            throw new IllegalStateException(String.format(Locale.ROOT, "training needs about %d MB of heap "
                    + "(%d MB for the EASE solve on %d dense items, %d MB to tune on %d customers) but may use %d MB; "
                    + "start the JVM with a larger -Xmx, or train with a smaller ease.maxDenseItems",
                    mb(needed), mb(ease), denseItems, mb(needed - ease), MIN_TUNING_CUSTOMERS, mb(budgetBytes)));
        }
        long affordableCustomers = (budgetBytes - ease) / perCustomer;
        return Math.min(requested, affordableCustomers * items);
    }

    private static long mb(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
