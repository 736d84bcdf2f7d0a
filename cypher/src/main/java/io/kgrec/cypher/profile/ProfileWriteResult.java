package io.kgrec.cypher.profile;

import org.neo4j.procedure.Description;

/** The row of {@code kgrec.profile.write}. */
public final class ProfileWriteResult {
    @Description("customers whose profile was written")
    public long customers;
    @Description("of them, customers with at least one interaction")
    public long profiled;
    @Description("HAS_AFFINITY relationships written")
    public long affinities;
    @Description("the moment recency was measured from, epoch seconds; null when no interaction has a time")
    public Long asOf;

    ProfileWriteResult(long customers, long profiled, long affinities, Long asOf) {
        this.customers = customers;
        this.profiled = profiled;
        this.affinities = affinities;
        this.asOf = asOf;
    }
}
