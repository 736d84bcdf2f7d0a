package io.kgrec.api.evaluation;

import io.kgrec.cypher.graph.Jaccard;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Intra-list diversity (ILD) with the similarity that kgrec's diversity re-ranking (maximal marginal relevance) uses:
 * two items are as similar as the Jaccard index of their knowledge-graph neighbours (entity keys and linked item ids;
 * 0 when neither has any). A list's ILD is 1 − the mean similarity over its unordered pairs of items; the figure
 * reported is the mean over lists with at least two items. 0: every item shares all attributes with every other;
 * 1: no two items share an attribute.
 */
public final class IntraListDiversity {
    private IntraListDiversity() {
    }

    /**
     * @param lists      item ids per customer, in rank order
     * @param neighbours knowledge-graph neighbour keys per item id; an item missing here has none
     * @return the mean ILD over lists of two or more items, or NaN when there is none
     */
    public static double mean(Map<String, List<String>> lists, Map<String, Set<String>> neighbours) {
        double sum = 0;
        int counted = 0;
        for (List<String> list : lists.values()) {
            if (list.size() < 2) {
                continue;
            }
            sum += of(list, neighbours);
            counted++;
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /** One list's ILD; the list must have at least two items. */
    static double of(List<String> list, Map<String, Set<String>> neighbours) {
        double similarity = 0;
        int pairs = 0;
        for (int a = 0; a < list.size(); a++) {
            for (int b = a + 1; b < list.size(); b++) {
                similarity += Jaccard.of(neighbours.getOrDefault(list.get(a), Set.of()),
                        neighbours.getOrDefault(list.get(b), Set.of()));
                pairs++;
            }
        }
        return 1 - similarity / pairs;
    }
}
