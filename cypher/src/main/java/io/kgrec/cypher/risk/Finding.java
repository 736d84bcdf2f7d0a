package io.kgrec.cypher.risk;

import java.util.List;
import java.util.Map;

/**
 * One anomaly a detector found: what it is about (the pushed item, or the customer), how strong it is, a sentence
 * for the reviewer, its own evidence, and the customers it flags with theirs.
 *
 * @param subject  the pushed item's id for a push, else the customer's id
 * @param score    robust standard deviations above normal (for a push: the median suspicion of its members)
 * @param evidence named figures about the anomaly as a whole, in a stable order
 * @param members  the flagged customers
 */
public record Finding(AnomalyKind kind, String subject, double score, String summary, Map<String, Double> evidence,
        List<Member> members) {

    public Finding {
        evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
        members = List.copyOf(members);
    }

    /** The anomaly's key in the graph: {@code <KIND>:<subject>}. */
    public String key() {
        return kind.name() + ":" + subject;
    }

    /**
     * A flagged customer.
     *
     * @param customer     the customer's index in the {@link InteractionLog}
     * @param evidence     named figures about this customer, in a stable order
     * @param interactions positions in the customer's interaction list that are flagged; all of them when the
     *                     kind's scope is the customer
     */
    public record Member(int customer, double score, Map<String, Double> evidence, int[] interactions) {
        public Member {
            evidence = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(evidence));
        }
    }
}
