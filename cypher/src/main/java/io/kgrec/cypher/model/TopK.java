package io.kgrec.cypher.model;

import java.util.Arrays;

/**
 * Picks the k best entries of a dense score row. A bounded min-heap: O(n log k), no boxing, and ties broken by the
 * lower index so that results never depend on thread timing.
 */
final class TopK {
    private TopK() {
    }

    /**
     * Indices of the k largest finite values among {@code candidates} (or among all entries when candidates is
     * null), best first. Entries with value {@code Double.NEGATIVE_INFINITY} are never chosen.
     */
    static int[] largest(double[] values, int[] candidates, int k) {
        int n = candidates == null ? values.length : candidates.length;
        int[] heap = new int[Math.max(0, Math.min(k, n))];
        int size = 0;
        for (int p = 0; p < n; p++) {
            int index = candidates == null ? p : candidates[p];
            double v = values[index];
            if (v == Double.NEGATIVE_INFINITY || heap.length == 0) {
                continue;
            }
            if (size < heap.length) {
                heap[size] = index;
                siftUp(values, heap, size++);
            } else if (better(values, index, heap[0])) {
                heap[0] = index;
                siftDown(values, heap, size);
            }
        }
        int[] result = Arrays.copyOf(heap, size);
        // Heap sort in place: repeatedly move the worst to the end, leaving best first.
        for (int end = size - 1; end > 0; end--) {
            int worst = result[0];
            result[0] = result[end];
            result[end] = worst;
            siftDown(values, result, end);
        }
        return result;
    }

    /** Indices of the k entries with the largest absolute value, best first. */
    static int[] largestAbsolute(double[] values, int[] candidates, int k) {
        int n = candidates == null ? values.length : candidates.length;
        double[] magnitude = new double[values.length];
        Arrays.fill(magnitude, Double.NEGATIVE_INFINITY);
        for (int p = 0; p < n; p++) {
            int index = candidates == null ? p : candidates[p];
            if (values[index] != Double.NEGATIVE_INFINITY) {
                magnitude[index] = Math.abs(values[index]);
            }
        }
        return largest(magnitude, candidates, k);
    }

    private static boolean better(double[] values, int a, int b) {
        return values[a] > values[b] || (values[a] == values[b] && a < b);
    }

    private static void siftUp(double[] values, int[] heap, int at) {
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!better(values, heap[parent], heap[at])) {
                break;
            }
            swap(heap, parent, at);
            at = parent;
        }
    }

    private static void siftDown(double[] values, int[] heap, int size) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int worst = left;
            if (left + 1 < size && better(values, heap[left], heap[left + 1])) {
                worst = left + 1;
            }
            if (!better(values, heap[at], heap[worst])) {
                return;
            }
            swap(heap, at, worst);
            at = worst;
        }
    }

    private static void swap(int[] heap, int a, int b) {
        int t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
