package io.kgrec.cypher.profile;

/**
 * The segment and activity rules, on recency (R) and frequency (F) scores of 1 to 5 (5: most recent, most frequent).
 * Monetary value is part of the profile but not of the segment, so customers of sources without money are segmented
 * the same way. Rules are tried in this order:
 *
 * <table>
 * <caption>segments</caption>
 * <tr><th>segment</th><th>rule</th><th>meaning</th></tr>
 * <tr><td>inactive</td><td>no interactions</td><td>nothing to go on</td></tr>
 * <tr><td>champions</td><td>R ≥ 4, F ≥ 4</td><td>recent and frequent</td></tr>
 * <tr><td>at_risk</td><td>R ≤ 2, F ≥ 3</td><td>used to come often, not lately</td></tr>
 * <tr><td>loyal</td><td>F ≥ 4</td><td>frequent</td></tr>
 * <tr><td>new</td><td>R ≥ 4, F ≤ 2</td><td>recent, few interactions yet</td></tr>
 * <tr><td>hibernating</td><td>R ≤ 2, F ≤ 2</td><td>rare and long ago</td></tr>
 * <tr><td>promising</td><td>anything else</td><td>middling recency and frequency</td></tr>
 * </table>
 *
 * Without times (no recency) the segment is by frequency alone: heavy (F ≥ 4), regular (F = 3), light (F ≤ 2).
 */
final class Segments {
    private Segments() {
    }

    /**
     * @param recency 1–5, or 0 when the customer's interactions have no time
     */
    static String segment(boolean active, int recency, int frequency) {
        if (!active) {
            return "inactive";
        }
        if (recency == 0) {
            return frequency >= 4 ? "heavy" : frequency == 3 ? "regular" : "light";
        }
        if (recency >= 4 && frequency >= 4) {
            return "champions";
        }
        if (recency <= 2 && frequency >= 3) {
            return "at_risk";
        }
        if (frequency >= 4) {
            return "loyal";
        }
        if (recency >= 4 && frequency <= 2) {
            return "new";
        }
        if (recency <= 2) {
            // R ≤ 2 with F ≥ 3 was at_risk above
            return "hibernating";
        }
        return "promising";
    }

    /** high: the top fifth by frequency; medium: the next two fifths; low: the rest; inactive: none. */
    static String activityLevel(boolean active, int frequency) {
        if (!active) {
            return "inactive";
        }
        return frequency == 5 ? "high" : frequency >= 3 ? "medium" : "low";
    }
}
