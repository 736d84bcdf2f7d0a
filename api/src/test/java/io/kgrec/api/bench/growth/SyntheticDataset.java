package io.kgrec.api.bench.growth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded synthetic growth data drawn from a real canonical dataset (ml-100k): a noisy tiling of the real data. The
 * catalogue is copied {@code copies} times (item {@code 50-3} is copy 3 of real item 50, with that item's attributes;
 * open-vocabulary attributes such as actors are copied too, closed ones such as genres are shared). Each synthetic
 * customer takes a random real customer as template and a random home copy: activity is the template's item count
 * times log-normal noise, each template item is kept in the home copy, and a share {@code noise} of the choices
 * (plus any extra items) are drawn instead from the real item-popularity distribution in a random copy. Weights and
 * timestamps come from the template (or, for drawn items, from that item's real weights and the template's active
 * period), with small noise.
 *
 * <p>So interactions per customer, interactions per item (the long tail), weights, timestamps, attributes per item
 * and attribute popularity follow the real data at every size, and the co-occurrence structure the recommender
 * learns from survives, which keeps the model that training chooses comparable across sizes. Why the catalogue grows
 * linearly by default: it keeps both marginals (per customer and per item) equal to the real ones, the way a
 * business that grows into new regions with a proportionally larger assortment grows; {@code itemExponent} < 1
 * gives the sub-linear alternative (copies = round(scale^itemExponent)), where items get proportionally more
 * popular instead.
 */
final class SyntheticDataset {
    /** Spread of the log-normal noise on each customer's activity. */
    private static final double ACTIVITY_SIGMA = 0.15;
    /** Chance that a kept template weight moves by one step. */
    private static final double WEIGHT_NOISE = 0.1;
    /** Timestamps move by up to this many seconds either way. */
    private static final long TIME_JITTER = 86_400;
    private static final int MIN_ITEMS = 5;

    private final RealDataset real;
    private final double[][] itemWeights;
    private final double[] cumulativePopularity;
    private final long firstTime;
    private final long lastTime;

    SyntheticDataset(RealDataset real) {
        this.real = real;
        this.itemWeights = real.itemWeights();
        int[] degrees = real.itemDegrees();
        cumulativePopularity = new double[degrees.length];
        double sum = 0;
        for (int i = 0; i < degrees.length; i++) {
            sum += degrees[i];
            cumulativePopularity[i] = sum;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (long[] t : real.customerTimes()) {
            for (long v : t) {
                first = Math.min(first, v);
                last = Math.max(last, v);
            }
        }
        this.firstTime = first;
        this.lastTime = last;
    }

    /** What was written. */
    record Stats(int customers, int items, long interactions, long triples, int copies) {
    }

    /** How big, and how it grows. */
    record Shape(double scale, double itemExponent, double noise, long seed) {
        int customers(RealDataset real) {
            return (int) Math.round(real.customers() * scale);
        }

        int copies() {
            return Math.max(1, (int) Math.round(Math.pow(scale, itemExponent)));
        }
    }

    Stats write(Shape shape, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(folder.resolve("stats.tsv"));
            int copies = shape.copies();
            SplittableRandom random = new SplittableRandom(shape.seed());
            long triples = writeCatalogue(folder, copies, random.split());
            long interactions = 0;
            int customers = shape.customers(real);
            SplittableRandom customerRandom = random.split();
            try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("interactions.tsv"));
                    BufferedWriter attributes = Files.newBufferedWriter(folder.resolve("customers.tsv"))) {
                out.write("customer_id\titem_id\tweight\ttimestamp\n");
                attributes.write((real.customerHeader() == null ? "customer_id" : real.customerHeader()) + "\n");
                for (int u = 0; u < customers; u++) {
                    int template = customerRandom.nextInt(real.customers());
                    interactions += writeCustomer(out, Integer.toString(u + 1), template, copies, shape.noise(),
                            customerRandom);
                    String row = real.customerRows().get(real.customerIds().get(template));
                    if (row != null) {
                        attributes.write((u + 1) + "\t" + row + "\n");
                    }
                }
            }
            Stats stats = new Stats(customers, real.items() * copies, interactions, triples, copies);
            Files.writeString(folder.resolve("stats.tsv"), String.format(Locale.ROOT,
                    "dataset\tsynthetic ml-100k x%s\nseed\t%d\ncopies\t%d\nnoise\t%s\ncustomers\t%d\nitems\t%d\n"
                            + "interactions\t%d\ntriples\t%d\n", shape.scale(), shape.seed(), copies, shape.noise(),
                    customers, stats.items(), interactions, triples));
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long writeCatalogue(Path folder, int copies, SplittableRandom random) throws IOException {
        long triples = 0;
        try (BufferedWriter items = Files.newBufferedWriter(folder.resolve("items.tsv"));
                BufferedWriter facts = Files.newBufferedWriter(folder.resolve("triples.tsv"))) {
            items.write("item_id\tname\n");
            facts.write("head\trelation\ttail\n");
            for (int k = 0; k < copies; k++) {
                for (int i = 0; i < real.items(); i++) {
                    String id = itemId(i, k);
                    items.write(id + "\t" + real.itemNames().get(i) + (copies > 1 ? " #" + k : "") + "\n");
                    for (String[] fact : real.itemTriples().get(i)) {
                        String tail = fact[1];
                        if (!real.closedRelations().contains(fact[0])) {
                            // Mostly the copy's own actor; sometimes one of another copy, so copies stay linked.
                            int copy = random.nextDouble() < 0.1 ? random.nextInt(copies) : k;
                            tail = tail + "-" + copy;
                        }
                        facts.write(id + "\t" + fact[0] + "\t" + tail + "\n");
                        triples++;
                    }
                }
            }
        }
        return triples;
    }

    private int writeCustomer(BufferedWriter out, String customer, int template, int copies, double noise,
            SplittableRandom random) throws IOException {
        int[] items = real.customerItems().get(template).clone();
        double[] weights = real.customerWeights().get(template).clone();
        long[] times = real.customerTimes().get(template).clone();
        shuffle(items, weights, times, random);
        int wanted = Math.max(MIN_ITEMS, (int) Math.round(items.length
                * Math.exp(ACTIVITY_SIGMA * gaussian(random))));
        int home = random.nextInt(copies);
        Set<Long> chosen = new HashSet<>(wanted * 2);
        long[] rowItems = new long[wanted];
        double[] rowWeights = new double[wanted];
        long[] rowTimes = new long[wanted];
        int n = 0;
        for (int p = 0; n < wanted && p < 4 * wanted + 20; p++) {
            boolean fromTemplate = p < items.length && random.nextDouble() >= noise;
            int item;
            int copy;
            double weight;
            long time;
            if (fromTemplate) {
                item = items[p];
                copy = home;
                weight = nudge(weights[p], random);
                time = times[p];
            } else {
                item = popularItem(random);
                copy = random.nextInt(copies);
                double[] w = itemWeights[item];
                weight = w.length == 0 ? 1 : w[random.nextInt(w.length)];
                time = times[random.nextInt(times.length)];
            }
            long key = (long) copy * real.items() + item;
            if (chosen.add(key)) {
                rowItems[n] = key;
                rowWeights[n] = weight;
                rowTimes[n] = Math.max(firstTime, Math.min(lastTime,
                        time + random.nextLong(2 * TIME_JITTER + 1) - TIME_JITTER));
                n++;
            }
        }
        StringBuilder rows = new StringBuilder();
        for (int p = 0; p < n; p++) {
            int copy = (int) (rowItems[p] / real.items());
            int item = (int) (rowItems[p] % real.items());
            rows.append(customer).append('\t').append(itemId(item, copy)).append('\t')
                    .append(formatWeight(rowWeights[p])).append('\t').append(rowTimes[p]).append('\n');
        }
        out.write(rows.toString());
        return n;
    }

    private String itemId(int item, int copy) {
        return real.itemIds().get(item) + "-" + copy;
    }

    /** A real item drawn with probability proportional to its number of interactions. */
    private int popularItem(SplittableRandom random) {
        double r = random.nextDouble() * cumulativePopularity[cumulativePopularity.length - 1];
        int at = Arrays.binarySearch(cumulativePopularity, r);
        return at >= 0 ? Math.min(at + 1, cumulativePopularity.length - 1) : -at - 1;
    }

    /** Ratings 1–5 move by one star with a small chance; other weights stay as they are. */
    private static double nudge(double weight, SplittableRandom random) {
        if (weight < 1 || weight > 5 || weight != Math.rint(weight) || random.nextDouble() >= WEIGHT_NOISE) {
            return weight;
        }
        double moved = weight + (random.nextBoolean() ? 1 : -1);
        return moved < 1 || moved > 5 ? weight : moved;
    }

    private static String formatWeight(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller, so the whole stream depends on SplittableRandom alone
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static void shuffle(int[] items, double[] weights, long[] times, SplittableRandom random) {
        for (int p = items.length - 1; p > 0; p--) {
            int q = random.nextInt(p + 1);
            int i = items[p];
            items[p] = items[q];
            items[q] = i;
            double w = weights[p];
            weights[p] = weights[q];
            weights[q] = w;
            long t = times[p];
            times[p] = times[q];
            times[q] = t;
        }
    }
}
