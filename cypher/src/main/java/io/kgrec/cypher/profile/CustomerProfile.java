package io.kgrec.cypher.profile;

import java.util.List;

/**
 * A customer's profile: recency, frequency and monetary value with their 1–5 scores, the activity level and segment
 * they give, and the top attribute affinities.
 *
 * @param recencyDays    whole days from the customer's latest interaction to the as-of moment; {@code null} without
 *                       times
 * @param recencyScore   1–5 (5: most recent), 0 without times
 * @param frequencyScore 1–5 (5: most frequent), 0 when inactive
 * @param monetaryScore  1–5 (5: spent most), 0 without money
 * @param asOf           the moment recency is measured from (epoch seconds), {@code null} without times
 */
record CustomerProfile(CustomerActivity activity, Long recencyDays, long frequency, Double monetary,
        int recencyScore, int frequencyScore, int monetaryScore, String activityLevel, String segment, Long asOf,
        List<Affinity> affinities) {
}
