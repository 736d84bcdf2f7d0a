package io.kgrec.api.bench.growth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A canonical dataset (shared/eval/FORMAT.md) read into arrays, as the template the synthetic growth data is drawn
 * from: every customer's items with their weights and timestamps, the catalogue, the item → attribute triples and the
 * customers' attribute rows.
 *
 * @param closedRelations relations with a small fixed vocabulary (genres): their tails are shared by all copies of the
 *                        catalogue, while open ones (actors, directors) get new values per copy
 */
record RealDataset(List<String> customerIds, List<int[]> customerItems, List<double[]> customerWeights,
        List<long[]> customerTimes, List<String> itemIds, List<String> itemNames, List<List<String[]>> itemTriples,
        Set<String> closedRelations, String customerHeader, Map<String, String> customerRows) {

    /** A relation whose distinct tails are at most this many keeps its vocabulary when the catalogue grows. */
    static final int CLOSED_VOCABULARY = 100;

    static RealDataset read(Path folder) {
        List<String> itemIds = new ArrayList<>();
        List<String> itemNames = new ArrayList<>();
        Map<String, Integer> itemIndex = new HashMap<>();
        for (String[] r : rows(folder.resolve("items.tsv"))) {
            itemIndex.put(r[0], itemIds.size());
            itemIds.add(r[0]);
            itemNames.add(r.length > 1 ? r[1] : "");
        }
        Map<String, List<String[]>> byCustomer = new LinkedHashMap<>();
        for (String[] r : rows(folder.resolve("interactions.tsv"))) {
            byCustomer.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r);
        }
        List<String> customerIds = new ArrayList<>(byCustomer.keySet());
        List<int[]> items = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        for (List<String[]> rs : byCustomer.values()) {
            int[] it = new int[rs.size()];
            double[] w = new double[rs.size()];
            long[] t = new long[rs.size()];
            for (int p = 0; p < rs.size(); p++) {
                it[p] = itemIndex.get(rs.get(p)[1]);
                w[p] = Double.parseDouble(rs.get(p)[2]);
                t[p] = rs.get(p)[3].isEmpty() ? 0 : Long.parseLong(rs.get(p)[3]);
            }
            items.add(it);
            weights.add(w);
            times.add(t);
        }
        List<List<String[]>> triples = new ArrayList<>();
        itemIds.forEach(i -> triples.add(new ArrayList<>()));
        Map<String, Set<String>> tails = new HashMap<>();
        Path triplesFile = folder.resolve("triples.tsv");
        if (Files.exists(triplesFile)) {
            for (String[] r : rows(triplesFile)) {
                Integer head = itemIndex.get(r[0]);
                // item → attribute triples only: entity–entity facts are not part of the item distributions
                if (head != null && r[2].contains(":")) {
                    triples.get(head).add(new String[] {r[1], r[2]});
                    tails.computeIfAbsent(r[1], k -> new HashSet<>()).add(r[2]);
                }
            }
        }
        Set<String> closed = new HashSet<>();
        tails.forEach((relation, values) -> {
            if (values.size() <= CLOSED_VOCABULARY) {
                closed.add(relation);
            }
        });
        String header = null;
        Map<String, String> customerRows = new HashMap<>();
        Path customers = folder.resolve("customers.tsv");
        if (Files.exists(customers)) {
            List<String> lines = lines(customers);
            header = lines.get(0);
            for (String line : lines.subList(1, lines.size())) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    customerRows.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return new RealDataset(customerIds, items, weights, times, itemIds, itemNames, triples, closed, header,
                customerRows);
    }

    int customers() {
        return customerIds.size();
    }

    int items() {
        return itemIds.size();
    }

    long interactions() {
        return customerItems.stream().mapToLong(a -> a.length).sum();
    }

    /** Interactions per item. */
    int[] itemDegrees() {
        int[] d = new int[items()];
        customerItems.forEach(a -> {
            for (int i : a) {
                d[i]++;
            }
        });
        return d;
    }

    /** Every weight given to each item, to draw a plausible weight for an item outside a customer's template. */
    double[][] itemWeights() {
        List<List<Double>> w = new ArrayList<>();
        itemIds.forEach(i -> w.add(new ArrayList<>()));
        for (int c = 0; c < customers(); c++) {
            for (int p = 0; p < customerItems.get(c).length; p++) {
                w.get(customerItems.get(c)[p]).add(customerWeights.get(c)[p]);
            }
        }
        return w.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
    }

    private static List<String[]> rows(Path file) {
        List<String> lines = lines(file);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty()).map(l -> l.split("\t", -1)).toList();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
