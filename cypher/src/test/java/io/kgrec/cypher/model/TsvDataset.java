package io.kgrec.cypher.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a canonical benchmark folder (see shared/eval/FORMAT.md) into the model's input arrays, the way the graph
 * export will: items in items.tsv order, attributes in order of first appearance in triples.tsv, customers in order of
 * first appearance in the training split. An item–item triple (j, r, i) becomes the attribute node "item:i" linked to
 * both items; entity–entity triples are not used. customers.tsv columns become customer attributes.
 */
final class TsvDataset {
    private TsvDataset() {
    }

    /** A training split with its held-out items, both over the same customer indices. */
    record Split(TrainingData data, Holdout holdout) {
    }

    static Split load(Path dir, String trainSplit, String heldOutSplit) {
        List<String> itemIds = new ArrayList<>();
        rows(dir.resolve("items.tsv"), row -> itemIds.add(row[0]));
        Map<String, Integer> itemIndex = index(itemIds);
        List<String> attributeIds = new ArrayList<>();
        Map<String, Integer> attributeIndex = new HashMap<>();
        List<int[]> links = new ArrayList<>();
        Path triples = dir.resolve("triples.tsv");
        if (Files.exists(triples)) {
            rows(triples, row -> {
                Integer head = itemIndex.get(row[0]);
                Integer tail = itemIndex.get(row[2]);
                if (head != null && tail != null) {
                    int node = attribute("item:" + row[2], attributeIds, attributeIndex);
                    links.add(new int[] {head, node});
                    links.add(new int[] {tail, node});
                } else if (head != null) {
                    links.add(new int[] {head, attribute(row[2], attributeIds, attributeIndex)});
                } else if (tail != null) {
                    links.add(new int[] {tail, attribute(row[0], attributeIds, attributeIndex)});
                }
            });
        }
        ItemAttributes.Builder kg = ItemAttributes.builder(itemIds.size(), attributeIds.size());
        links.forEach(l -> kg.link(l[0], l[1]));

        List<String> customerIds = new ArrayList<>();
        Map<String, Integer> customerIndex = new HashMap<>();
        List<Object[]> train = new ArrayList<>();
        rows(dir.resolve("split").resolve(trainSplit + ".tsv"), row -> {
            int c = customerIndex.computeIfAbsent(row[0], id -> {
                customerIds.add(id);
                return customerIds.size() - 1;
            });
            train.add(new Object[] {c, itemIndex.get(row[1]), Double.parseDouble(row[2])});
        });
        List<int[]> heldOut = new ArrayList<>();
        rows(dir.resolve("split").resolve(heldOutSplit + ".tsv"), row -> {
            int c = customerIndex.computeIfAbsent(row[0], id -> {
                customerIds.add(id);
                return customerIds.size() - 1;
            });
            heldOut.add(new int[] {c, itemIndex.get(row[1])});
        });
        InteractionMatrix.Builder x = InteractionMatrix.builder(customerIds.size(), itemIds.size());
        for (Object[] t : train) {
            x.add((Integer) t[0], (Integer) t[1], Math.max((Double) t[2], 1e-9));
        }
        List<List<Integer>> relevant = new ArrayList<>();
        customerIds.forEach(id -> relevant.add(new ArrayList<>()));
        heldOut.forEach(h -> relevant.get(h[0]).add(h[1]));
        int[][] held = relevant.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        TrainingData data = new TrainingData(x.build(), kg.build(), customerIds, itemIds, attributeIds,
                customerAttributes(dir.resolve("customers.tsv"), customerIds));
        return new Split(data, new Holdout(held));
    }

    /** Every column of customers.tsv (when present) as a categorical attribute; missing customers are unknown. */
    private static CustomerAttributes customerAttributes(Path file, List<String> customerIds) {
        CustomerAttributes.Builder builder = CustomerAttributes.builder(customerIds.size());
        if (!Files.exists(file)) {
            return builder.build();
        }
        List<String[]> rows = new ArrayList<>();
        rows(file, rows::add);
        String[] header;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            header = reader.readLine().split("\t", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Integer> index = index(customerIds);
        for (int column = 1; column < header.length; column++) {
            String[] values = new String[customerIds.size()];
            for (String[] row : rows) {
                Integer c = index.get(row[0]);
                if (c != null && column < row.length) {
                    values[c] = row[column];
                }
            }
            builder.column(header[column], values);
        }
        return builder.build();
    }

    private static int attribute(String id, List<String> ids, Map<String, Integer> index) {
        return index.computeIfAbsent(id, k -> {
            ids.add(k);
            return ids.size() - 1;
        });
    }

    private static Map<String, Integer> index(List<String> ids) {
        Map<String, Integer> index = new HashMap<>();
        for (int p = 0; p < ids.size(); p++) {
            index.put(ids.get(p), p);
        }
        return index;
    }

    private static void rows(Path file, Consumer<String[]> consumer) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    consumer.accept(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
