package io.kgrec.loader.read;

import java.util.EnumMap;
import java.util.Map;

/** The cleaning steps applied to one row (or, summed, to one file). */
public final class Fixes {
    /** Created on the first fix: most rows need none, and a load makes one of these per row. */
    private Map<Fix, Long> counts;

    public void add(Fix fix) {
        counts().merge(fix, 1L, Long::sum);
    }

    public void addAll(Fixes other) {
        if (other.counts != null) {
            other.counts.forEach((fix, n) -> counts().merge(fix, n, Long::sum));
        }
    }

    public boolean isEmpty() {
        return counts == null || counts.isEmpty();
    }

    /** A copy of the counts. */
    public Map<Fix, Long> snapshot() {
        return counts == null ? Map.of() : Map.copyOf(counts);
    }

    private Map<Fix, Long> counts() {
        if (counts == null) {
            counts = new EnumMap<>(Fix.class);
        }
        return counts;
    }
}
