package io.kgrec.api.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The relevance model of an offline evaluation: each customer's training items and held-out items, and the catalogue.
 * Metrics read only this, never the graph or the training data directly.
 *
 * @param train   customer → items in the training split
 * @param heldOut customer → items held out (the relevant ones)
 * @param catalog every item, in catalogue order
 */
public record HeldOut(Map<String, Set<String>> train, Map<String, Set<String>> heldOut, List<String> catalog) {

    /** Reads {@code split/<train>.tsv}, {@code split/<heldOut>.tsv} and {@code items.tsv} of a canonical folder. */
    public static HeldOut read(Path dataset, String trainSplit, String heldOutSplit) {
        List<String> catalog = new ArrayList<>();
        for (String[] row : rows(dataset.resolve("items.tsv"))) {
            catalog.add(row[0]);
        }
        return new HeldOut(pairs(dataset.resolve("split").resolve(trainSplit + ".tsv")),
                pairs(dataset.resolve("split").resolve(heldOutSplit + ".tsv")), catalog);
    }

    /** Customers with at least one held-out item: the ones evaluated, sorted as strings. */
    public List<String> customers() {
        return heldOut.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).sorted()
                .toList();
    }

    /** Number of training customers of each item. */
    public Map<String, Integer> popularity() {
        Map<String, Integer> pop = new HashMap<>();
        for (Set<String> items : train.values()) {
            for (String i : items) {
                pop.merge(i, 1, Integer::sum);
            }
        }
        return pop;
    }

    private static Map<String, Set<String>> pairs(Path file) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String[] row : rows(file)) {
            out.computeIfAbsent(row[0], k -> new LinkedHashSet<>()).add(row[1]);
        }
        return out;
    }

    static List<String[]> rows(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String[]> rows = new ArrayList<>(lines.size());
            String[] header = lines.isEmpty() ? new String[0] : lines.get(0).split("\t", -1);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                if (!line.isEmpty()) {
                    rows.add(line.split("\t", -1));
                }
            }
            if (header.length == 0) {
                throw new IllegalArgumentException(file + ": empty file");
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
