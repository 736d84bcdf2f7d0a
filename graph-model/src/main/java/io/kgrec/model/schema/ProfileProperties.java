package io.kgrec.model.schema;

import java.util.Set;

/**
 * Customer properties that kgrec derives (profiles) rather than loads from a source. Training uses only source
 * attributes to segment customers, so that nothing it learns from is itself a summary of the interactions it is
 * validated on.
 */
public final class ProfileProperties {
    public static final String RECENCY_DAYS = "recencyDays";
    public static final String FREQUENCY = "frequency";
    public static final String MONETARY = "monetary";
    public static final String ACTIVITY_LEVEL = "activityLevel";
    public static final String SEGMENT = "segment";
    public static final String PROFILED_AT = "profiledAt";
    /** On {@code HAS_AFFINITY}: the attribute's share of the customer's interaction weight within its type. */
    public static final String AFFINITY_SHARE = "share";
    /** On {@code HAS_AFFINITY}: 1 for the strongest attribute of its type, 2 for the next, ... */
    public static final String AFFINITY_RANK = "rank";
    /** On {@code HAS_AFFINITY}: the entity type the share is within, e.g. {@code department}. */
    public static final String AFFINITY_TYPE = "type";

    private static final Set<String> ALL = Set.of(RECENCY_DAYS, FREQUENCY, MONETARY, ACTIVITY_LEVEL, SEGMENT,
            PROFILED_AT);

    private ProfileProperties() {
    }

    /** Whether a customer property is derived by kgrec (or is kgrec's own bookkeeping, prefixed {@code kgrec}). */
    public static boolean isDerived(String property) {
        return ALL.contains(property) || property.startsWith("kgrec");
    }
}
