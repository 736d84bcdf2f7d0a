package io.kgrec.api.bench.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kgrec.cypher.testing.BenchmarkData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic growth data follows ml-100k's distributions at twice its size and is a pure function of the seed. */
@Tag("full")
class SyntheticDatasetTest {
    private static Path realFolder;
    private static Shape real;

    @TempDir
    Path temp;

    /** The distributions the benchmark claims to preserve, read from a canonical folder. */
    private record Shape(int customers, int items, long interactions, int[] customerDegrees, int[] itemDegrees,
            Map<String, Long> weights, long firstTime, long lastTime, Map<String, Double> attributesPerItem,
            Map<String, Integer> distinctTails) {
    }

    @BeforeAll
    static void readReal() throws IOException {
        realFolder = BenchmarkData.dataset("ml-100k");
        real = shape(realFolder);
    }

    @Test
    void twice_the_size_keeps_activity_popularity_weights_timestamps_and_attributes() throws IOException {
        SyntheticDataset.Stats stats = new SyntheticDataset(RealDataset.read(realFolder))
                .write(new SyntheticDataset.Shape(2, 1.0, 0.1, 42), temp);
        Shape synthetic = shape(temp);

        assertThat(stats.copies()).isEqualTo(2);
        assertThat(synthetic.customers()).isEqualTo(2 * real.customers()).isEqualTo(stats.customers());
        assertThat(synthetic.items()).isEqualTo(2 * real.items());
        assertThat(synthetic.interactions()).isEqualTo(stats.interactions());
        assertThat((double) synthetic.interactions() / real.interactions()).isCloseTo(2.0, within(0.1));
        // interactions per customer
        assertThat(synthetic.customerDegrees()[0]).isGreaterThanOrEqualTo(5);
        assertThat(median(synthetic.customerDegrees()) / median(real.customerDegrees())).isCloseTo(1.0, within(0.1));
        assertThat(quantile(synthetic.customerDegrees(), 0.9) / quantile(real.customerDegrees(), 0.9))
                .isCloseTo(1.0, within(0.1));
        // interactions per item: the same long tail (Gini) and the same head
        assertThat(gini(synthetic.itemDegrees())).isCloseTo(gini(real.itemDegrees()), within(0.03));
        assertThat(quantile(synthetic.itemDegrees(), 0.99) / quantile(real.itemDegrees(), 0.99))
                .isCloseTo(1.0, within(0.15));
        assertThat(median(synthetic.itemDegrees()) / median(real.itemDegrees())).isCloseTo(1.0, within(0.2));
        // weights (ratings 1–5)
        assertThat(synthetic.weights().keySet()).isEqualTo(real.weights().keySet());
        real.weights().forEach((w, n) -> assertThat((double) synthetic.weights().get(w) / synthetic.interactions())
                .as("share of weight %s", w).isCloseTo((double) n / real.interactions(), within(0.02)));
        // timestamps stay in the real period
        assertThat(synthetic.firstTime()).isGreaterThanOrEqualTo(real.firstTime());
        assertThat(synthetic.lastTime()).isLessThanOrEqualTo(real.lastTime());
        // attributes per item and vocabularies: genres shared, actors and directors grow with the catalogue
        real.attributesPerItem().forEach((relation, perItem) -> assertThat(synthetic.attributesPerItem()
                .get(relation)).as(relation).isCloseTo(perItem, within(0.01)));
        assertThat(synthetic.distinctTails().get("has_genre")).isEqualTo(real.distinctTails().get("has_genre"));
        // a little under twice: an actor of a single film whose copies all link another copy's actor disappears
        assertThat((double) synthetic.distinctTails().get("has_actor") / real.distinctTails().get("has_actor"))
                .isBetween(1.85, 2.0);
    }

    @Test
    void the_same_seed_writes_the_same_files_and_another_seed_different_ones() throws IOException {
        RealDataset template = RealDataset.read(realFolder);
        SyntheticDataset generator = new SyntheticDataset(template);
        generator.write(new SyntheticDataset.Shape(0.5, 1.0, 0.1, 7), temp.resolve("a"));
        generator.write(new SyntheticDataset.Shape(0.5, 1.0, 0.1, 7), temp.resolve("b"));
        new SyntheticDataset(template).write(new SyntheticDataset.Shape(0.5, 1.0, 0.1, 8), temp.resolve("c"));

        for (String file : List.of("interactions.tsv", "items.tsv", "triples.tsv", "customers.tsv", "stats.tsv")) {
            assertThat(sha(temp.resolve("a").resolve(file))).as(file).isEqualTo(sha(temp.resolve("b").resolve(file)));
        }
        assertThat(sha(temp.resolve("a").resolve("interactions.tsv")))
                .isNotEqualTo(sha(temp.resolve("c").resolve("interactions.tsv")));
    }

    @Test
    void a_sub_linear_catalogue_makes_items_more_popular_instead() {
        SyntheticDataset.Shape shape = new SyntheticDataset.Shape(100, 0.5, 0.1, 1);

        assertThat(shape.copies()).isEqualTo(10);
        assertThat(new SyntheticDataset.Shape(100, 1.0, 0.1, 1).copies()).isEqualTo(100);
    }

    private static Shape shape(Path folder) throws IOException {
        Map<String, Integer> perCustomer = new HashMap<>();
        Map<String, Integer> perItem = new HashMap<>();
        Map<String, Long> weights = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<String> lines = Files.readAllLines(folder.resolve("interactions.tsv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] r = line.split("\t");
            assertThat(pairs.add(r[0] + "\t" + r[1])).as("one row per customer–item pair").isTrue();
            perCustomer.merge(r[0], 1, Integer::sum);
            perItem.merge(r[1], 1, Integer::sum);
            weights.merge(r[2], 1L, Long::sum);
            first = Math.min(first, Long.parseLong(r[3]));
            last = Math.max(last, Long.parseLong(r[3]));
        }
        int items = Files.readAllLines(folder.resolve("items.tsv")).size() - 1;
        int[] itemDegrees = new int[items];
        int at = 0;
        for (int d : perItem.values()) {
            itemDegrees[at++] = d;
        }
        Map<String, Set<String>> heads = new HashMap<>();
        Map<String, Long> facts = new HashMap<>();
        Map<String, Set<String>> tails = new HashMap<>();
        List<String> triples = Files.readAllLines(folder.resolve("triples.tsv"));
        for (String line : triples.subList(1, triples.size())) {
            String[] r = line.split("\t");
            heads.computeIfAbsent(r[1], k -> new HashSet<>()).add(r[0]);
            facts.merge(r[1], 1L, Long::sum);
            tails.computeIfAbsent(r[1], k -> new HashSet<>()).add(r[2]);
        }
        Map<String, Double> attributesPerItem = new HashMap<>();
        facts.forEach((relation, n) -> attributesPerItem.put(relation, (double) n / items));
        Map<String, Integer> distinctTails = new HashMap<>();
        tails.forEach((relation, t) -> distinctTails.put(relation, t.size()));
        return new Shape(perCustomer.size(), items, pairs.size(),
                perCustomer.values().stream().mapToInt(Integer::intValue).sorted().toArray(),
                Arrays.stream(itemDegrees).sorted().toArray(), weights, first, last, attributesPerItem,
                distinctTails);
    }

    private static double median(int[] sorted) {
        return quantile(sorted, 0.5);
    }

    private static double quantile(int[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    /** Gini coefficient of a sorted vector (0: all equal, 1: all in one). */
    private static double gini(int[] sorted) {
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < sorted.length; i++) {
            weighted += (i + 1) * (double) sorted[i];
            total += sorted[i];
        }
        int n = sorted.length;
        return (2 * weighted) / (n * total) - (n + 1.0) / n;
    }

    private static String sha(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
