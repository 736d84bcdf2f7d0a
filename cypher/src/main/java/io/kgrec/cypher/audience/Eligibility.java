package io.kgrec.cypher.audience;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.cypher.graph.KnownNames;
import io.kgrec.cypher.risk.TrainingExclusions;
import io.kgrec.model.schema.PrivacyNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/**
 * Which customers an audience may contain, decided before any scoring: never one who opted out of profiling
 * ({@code profilingOptOut = true}), never one with an open or confirmed anomaly flag covering the whole customer (the
 * same rule that keeps them out of training, {@link TrainingExclusions}), only those matching the marketer's filter,
 * and, when asked, only those the target's campaign targeted.
 */
final class Eligibility {
    private final Map<String, List<String>> filter;

    Eligibility(Map<String, List<String>> filter) {
        this.filter = filter;
    }

    /**
     * The eligible customers, in a stable order (by id).
     *
     * @throws IllegalArgumentException when the filter names a property or a value no customer has, which would
     *                                  otherwise answer with an empty audience
     */
    List<Node> customers(Transaction tx, AudienceTarget target, boolean targetedOnly) {
        checkFilter(tx);
        Set<Node> pool = new LinkedHashSet<>();
        if (targetedOnly) {
            List<Node> campaigns = target.campaigns();
            if (campaigns.isEmpty()) {
                throw new IllegalArgumentException("targetedOnly needs a coupon or campaign target; "
                        + target.kind().word() + " '" + target.id() + "' is targeted by no campaign");
            }
            for (Node campaign : campaigns) {
                for (Relationship r : campaign.getRelationships(Direction.INCOMING, AudienceTarget.TARGETED_BY)) {
                    pool.add(r.getStartNode());
                }
            }
        } else {
            try (var all = tx.findNodes(GraphSchema.CUSTOMER)) {
                all.forEachRemaining(pool::add);
            }
        }
        List<Node> out = new ArrayList<>();
        for (Node c : pool) {
            if (admits(c)) {
                out.add(c);
            }
        }
        out.sort(java.util.Comparator.comparing(c -> String.valueOf(c.getProperty("id", ""))));
        return out;
    }

    boolean admits(Node customer) {
        if (Boolean.TRUE.equals(customer.getProperty(PrivacyNames.PROFILING_OPT_OUT, false))) {
            return false;
        }
        if (TrainingExclusions.of(customer).excludesCustomer()) {
            return false;
        }
        for (Map.Entry<String, List<String>> f : filter.entrySet()) {
            Object value = customer.getProperty(f.getKey(), null);
            if (value == null || !f.getValue().contains(text(value))) {
                return false;
            }
        }
        return true;
    }

    /** Every filtered property, and one of its values, is held by some customer; one pass over the customers. */
    private void checkFilter(Transaction tx) {
        if (filter.isEmpty()) {
            return;
        }
        Set<String> properties = new TreeSet<>();
        Map<String, Set<String>> values = new HashMap<>();
        try (var all = tx.findNodes(GraphSchema.CUSTOMER)) {
            all.forEachRemaining(c -> c.getAllProperties().forEach((k, v) -> {
                properties.add(k);
                if (filter.containsKey(k)) {
                    values.computeIfAbsent(k, x -> new TreeSet<>()).add(text(v));
                }
            }));
        }
        properties.remove("id");
        properties.removeIf(p -> p.startsWith("kgrec")); // kgrec's own bookkeeping describes no customer
        for (Map.Entry<String, List<String>> f : filter.entrySet()) {
            if (!values.containsKey(f.getKey())) {
                throw KnownNames.unknown("customer attribute", f.getKey(), "customerFilter", properties);
            }
            // One held value is enough: a segment nobody is in today (say loyal) is a fair thing to ask for beside
            // others, but values none of which anybody holds make a surely empty audience.
            if (f.getValue().stream().noneMatch(values.get(f.getKey())::contains)) {
                throw KnownNames.unknown("value of customer attribute " + f.getKey(), String.join("', '",
                        f.getValue()), "customerFilter", values.get(f.getKey()));
            }
        }
    }

    private static String text(Object value) {
        // household_size 2 is stored as a long; a filter may say "2" or 2, both read as "2"
        return value instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue()) : String.valueOf(value);
    }
}
