package io.kgrec.api.audit;

import java.util.List;

/**
 * What an audit looks at.
 *
 * @param k                  list length
 * @param itemGroup          the item attribute exposure is broken down by: an item property ({@code department})
 *                           or an entity type ({@code genre}); {@code property:x} or {@code entity:x} forces one;
 *                           {@code null}: no breakdown
 * @param customerAttributes customer attributes accuracy and exposure are broken down by ({@code age}, ...)
 * @param configurations     recommender configurations to compare; the first is the reference
 * @param sample             on a live graph, how many customers to recommend for (drawn with the seed); 0 = all
 * @param seed               draws the live sample
 * @param headShare          the share of the catalogue, most popular first, that counts as the head
 */
public record AuditOptions(int k, String itemGroup, List<String> customerAttributes,
        List<AuditConfiguration> configurations, int sample, long seed, double headShare) {
    public static final int MAX_K = 100;
    public static final int MAX_CONFIGURATIONS = 6;

    public AuditOptions {
        customerAttributes = List.copyOf(customerAttributes);
        configurations = configurations.isEmpty() ? List.of(AuditConfiguration.defaults())
                : List.copyOf(configurations);
        if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("k must be between 1 and " + MAX_K + ", got " + k);
        }
        if (configurations.size() > MAX_CONFIGURATIONS) {
            throw new IllegalArgumentException("at most " + MAX_CONFIGURATIONS + " configurations, got "
                    + configurations.size());
        }
        if (sample < 0) {
            throw new IllegalArgumentException("sample must be >= 0, got " + sample);
        }
        if (!(headShare > 0 && headShare < 1)) {
            throw new IllegalArgumentException("headShare must be between 0 and 1, got " + headShare);
        }
        if (configurations.stream().map(AuditConfiguration::label).distinct().count() != configurations.size()) {
            throw new IllegalArgumentException("configuration labels must be distinct");
        }
    }
}
