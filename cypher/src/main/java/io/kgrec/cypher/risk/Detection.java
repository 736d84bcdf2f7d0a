package io.kgrec.cypher.risk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of every detector over an interaction log.
 *
 * @param findings what the detectors found, push groups first
 */
public record Detection(InteractionLog log, List<Finding> findings) {

    public static Detection run(InteractionLog log, AnomalyConfig config) {
        DetectionInput input = DetectionInput.of(log, config);
        List<Finding> findings = new ArrayList<>();
        for (Detector d : Detector.all()) {
            findings.addAll(d.detect(input));
        }
        return new Detection(log, findings);
    }

    public Map<AnomalyKind, Integer> findingsByKind() {
        Map<AnomalyKind, Integer> counts = new EnumMap<>(AnomalyKind.class);
        for (AnomalyKind k : AnomalyKind.values()) {
            counts.put(k, 0);
        }
        findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return counts;
    }

    /** Ids of the customers with at least one flag. */
    public Set<String> flaggedCustomers() {
        Set<String> ids = new HashSet<>();
        findings.forEach(f -> f.members().forEach(m -> ids.add(log.customerIds().get(m.customer()))));
        return ids;
    }

    /** Ids of the customers whose every interaction is flagged (scope customer). */
    public Set<String> excludedCustomers() {
        Set<String> ids = new HashSet<>();
        findings.stream().filter(f -> f.kind().scope().equals(io.kgrec.model.schema.RiskNames.SCOPE_CUSTOMER))
                .forEach(f -> f.members().forEach(m -> ids.add(log.customerIds().get(m.customer()))));
        return ids;
    }

    /** Distinct flagged interactions, counting every interaction of a customer-wide flag. */
    public long flaggedInteractions() {
        Set<Long> flagged = new HashSet<>();
        for (Finding f : findings) {
            for (Finding.Member m : f.members()) {
                for (int p : m.interactions()) {
                    flagged.add(((long) m.customer() << 32) | p);
                }
            }
        }
        return flagged.size();
    }
}
