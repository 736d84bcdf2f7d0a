package io.kgrec.cypher.risk;

import java.util.Arrays;

/**
 * What each customer's interactions look like, the raw material of every detector. All arrays are indexed by
 * customer; NaN marks a feature the customer does not have (no ratings, no times).
 *
 * @param interactions        number of interactions
 * @param rows                source rows merged into them (repeat purchases count)
 * @param meanLogPopularity   mean over the customer's items of ln(customers who have the item): real customers mostly
 *                            pick popular items; attack profiles that draw filler items at random do not
 * @param ratingDeviation     RDMA, rating deviation from mean agreement (Chirita et al. 2005): the mean over rated
 *                            items of |rating − the item's mean rating| / the item's number of ratings
 * @param logSpan             ln(1 + seconds between the customer's first and last known interaction)
 * @param burst               the most interactions inside one window of {@code burstWindowSeconds}
 * @param burstStart          epoch second where that window starts (−1 without times)
 * @param neighbourSimilarity DegSim: mean Jaccard similarity to the customer's most similar customers
 */
public record CustomerFeatures(int[] interactions, long[] rows, double[] meanLogPopularity, double[] ratingDeviation,
        double[] logSpan, double[] burst, long[] burstStart, double[] neighbourSimilarity) {

    public static CustomerFeatures of(InteractionLog log, AnomalyConfig config) {
        int customers = log.customers();
        int[] degree = log.itemDegrees();
        ItemRatings ratings = ItemRatings.of(log);
        int[] interactions = new int[customers];
        long[] rows = new long[customers];
        double[] popularity = new double[customers];
        double[] deviation = new double[customers];
        double[] span = new double[customers];
        double[] burst = new double[customers];
        long[] burstStart = new long[customers];
        for (int c = 0; c < customers; c++) {
            InteractionLog.Interactions list = log.of(c);
            interactions[c] = list.size();
            double logPopularity = 0;
            double deviationSum = 0;
            int rated = 0;
            for (int p = 0; p < list.size(); p++) {
                rows[c] += list.count(p);
                logPopularity += Math.log(degree[list.item(p)]);
                if (list.isRating(p)) {
                    int item = list.item(p);
                    deviationSum += Math.abs(list.value(p) - ratings.mean(item)) / ratings.count(item);
                    rated++;
                }
            }
            popularity[c] = list.size() == 0 ? Double.NaN : logPopularity / list.size();
            deviation[c] = rated == 0 ? Double.NaN : deviationSum / rated;
            long[] times = knownTimes(list);
            span[c] = times.length < 2 ? Double.NaN : Math.log1p(times[times.length - 1] - times[0]);
            long[] window = densestWindow(times, config.burstWindowSeconds());
            burst[c] = times.length == 0 ? Double.NaN : window[0];
            burstStart[c] = times.length == 0 ? -1 : window[1];
        }
        return new CustomerFeatures(interactions, rows, popularity, deviation, span, burst, burstStart,
                NeighbourSimilarity.of(log, config.neighbours(), config.similarityMaxItemDegree()));
    }

    public int customers() {
        return interactions.length;
    }

    private static long[] knownTimes(InteractionLog.Interactions list) {
        return Arrays.stream(list.times()).filter(t -> t >= 0).sorted().toArray();
    }

    /** {count, start} of the window of the given width holding the most times; sorted input. */
    static long[] densestWindow(long[] sortedTimes, long width) {
        long best = 0;
        long start = -1;
        int from = 0;
        for (int to = 0; to < sortedTimes.length; to++) {
            while (sortedTimes[to] - sortedTimes[from] >= width) {
                from++;
            }
            if (to - from + 1 > best) {
                best = to - from + 1;
                start = sortedTimes[from];
            }
        }
        return new long[] {best, start};
    }

    /** Each item's number of ratings and mean rating. */
    record ItemRatings(int[] counts, double[] means) {
        static ItemRatings of(InteractionLog log) {
            int[] counts = new int[log.items()];
            double[] sums = new double[log.items()];
            for (InteractionLog.Interactions list : log.interactions()) {
                for (int p = 0; p < list.size(); p++) {
                    if (list.isRating(p)) {
                        counts[list.item(p)]++;
                        sums[list.item(p)] += list.value(p);
                    }
                }
            }
            double[] means = new double[counts.length];
            for (int i = 0; i < counts.length; i++) {
                means[i] = counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
            }
            return new ItemRatings(counts, means);
        }

        int count(int item) {
            return counts[item];
        }

        double mean(int item) {
            return means[item];
        }
    }
}
