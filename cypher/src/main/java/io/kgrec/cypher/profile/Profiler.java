package io.kgrec.cypher.profile;

import io.kgrec.cypher.graph.GraphSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * Computes customer profiles. Scores place a customer among all active customers, so the whole population is read
 * even to profile one; recency is measured from the configured moment or, by default, from the latest interaction in
 * the graph, so the same graph always gives the same profiles whenever they are computed.
 */
final class Profiler {
    private static final long DAY = 86_400;

    private final List<CustomerActivity> population;
    private final ProfileConfig config;
    private final Long asOf;
    private final QuintileScale recency;
    private final QuintileScale frequency;
    private final QuintileScale monetary;
    private final Affinities affinities;

    private Profiler(List<CustomerActivity> population, ProfileConfig config) {
        this.population = population;
        this.config = config;
        this.asOf = config.asOf() != null ? config.asOf()
                : population.stream().map(CustomerActivity::latest).filter(t -> t != null).max(Long::compare)
                        .orElse(null);
        List<CustomerActivity> active = population.stream().filter(CustomerActivity::isActive).toList();
        this.recency = QuintileScale.of(active.stream().filter(a -> a.latest() != null && asOf != null)
                .mapToDouble(a -> -daysSince(a.latest())).toArray());
        this.frequency = QuintileScale.of(active.stream().mapToDouble(CustomerActivity::frequency).toArray());
        this.monetary = QuintileScale.of(active.stream().filter(a -> a.monetary() != null)
                .mapToDouble(CustomerActivity::monetary).toArray());
        this.affinities = new Affinities(config);
    }

    static Profiler of(Transaction tx, ProfileConfig config) {
        return new Profiler(ActivityReader.all(tx), config);
    }

    List<CustomerProfile> all() {
        List<CustomerProfile> profiles = new ArrayList<>(population.size());
        for (CustomerActivity a : population) {
            profiles.add(profile(a));
        }
        return profiles;
    }

    /**
     * @throws IllegalArgumentException if no customer has this id
     */
    CustomerProfile one(Transaction tx, String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("customerId must not be empty");
        }
        Node customer = tx.findNode(GraphSchema.CUSTOMER, "id", customerId);
        if (customer == null) {
            throw new IllegalArgumentException("customer '" + customerId + "' does not exist");
        }
        Optional<CustomerActivity> known = population.stream().filter(a -> a.customerId().equals(customerId))
                .findFirst();
        return profile(known.orElseGet(() -> ActivityReader.of(customer)));
    }

    Long asOf() {
        return asOf;
    }

    private CustomerProfile profile(CustomerActivity a) {
        boolean active = a.isActive();
        Long days = active && a.latest() != null && asOf != null ? daysSince(a.latest()) : null;
        int r = days == null ? 0 : recency.score(-days);
        int f = active ? frequency.score(a.frequency()) : 0;
        int m = active && a.monetary() != null ? monetary.score(a.monetary()) : 0;
        return new CustomerProfile(a, days, a.frequency(), a.monetary(), r, f, m, Segments.activityLevel(active, f),
                Segments.segment(active, r, f), asOf, active ? affinities.of(a) : List.of());
    }

    /** Whole days, never negative (an interaction after the as-of moment counts as today). */
    private long daysSince(long epochSeconds) {
        return Math.max(0, Math.floorDiv(asOf - epochSeconds, DAY));
    }
}
