package io.kgrec.cypher.risk;

/** What every detector reads: the interactions, the customers' features and suspicion, and the configuration. */
public record DetectionInput(InteractionLog log, CustomerFeatures features, Suspicion suspicion,
        AnomalyConfig config) {

    public static DetectionInput of(InteractionLog log, AnomalyConfig config) {
        CustomerFeatures features = CustomerFeatures.of(log, config);
        return new DetectionInput(log, features, Suspicion.of(features), config);
    }

    /** Positions 0..n-1 of a customer's interactions: the flag of a customer-wide anomaly. */
    int[] allInteractions(int customer) {
        return java.util.stream.IntStream.range(0, log.of(customer).size()).toArray();
    }
}
