package io.kgrec.cypher.model;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Hand-sized fixtures: histories as int arrays, ids generated from indices. */
final class TinyData {
    private TinyData() {
    }

    /** Binary interactions: {@code histories[c]} lists customer c's items. */
    static InteractionMatrix interactions(int items, int[]... histories) {
        InteractionMatrix.Builder b = InteractionMatrix.builder(histories.length, items);
        for (int c = 0; c < histories.length; c++) {
            for (int i : histories[c]) {
                b.add(c, i, 1.0);
            }
        }
        return b.build();
    }

    /** {@code links[a]} lists the items that carry attribute a. */
    static ItemAttributes attributes(int items, int[]... links) {
        ItemAttributes.Builder b = ItemAttributes.builder(items, links.length);
        for (int a = 0; a < links.length; a++) {
            for (int i : links[a]) {
                b.link(i, a);
            }
        }
        return b.build();
    }

    static TrainingData data(InteractionMatrix x, ItemAttributes kg) {
        return new TrainingData(x, kg, ids("c", x.customers()), ids("i", x.items()), ids("a", kg.attributes()));
    }

    static History binaryHistory(int... items) {
        double[] ones = new double[items.length];
        java.util.Arrays.fill(ones, 1.0);
        return History.of(items, ones, InteractionTransform.BINARY);
    }

    private static List<String> ids(String prefix, int n) {
        List<String> ids = new ArrayList<>();
        IntStream.range(0, n).forEach(i -> ids.add(prefix + i));
        return ids;
    }
}
