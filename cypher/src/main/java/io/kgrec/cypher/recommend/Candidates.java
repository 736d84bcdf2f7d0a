package io.kgrec.cypher.recommend;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.neo4j.graphdb.Node;

/** The items reached by some path for one customer, keyed by node. */
final class Candidates {
    private final Map<Long, Candidate> byItem = new HashMap<>();
    private final int keepPaths;
    private final Predicate<Node> accepts;

    /**
     * @param keepPaths how many paths each candidate keeps individually
     * @param accepts   which items may become candidates at all (e.g. only the one being explained)
     */
    Candidates(int keepPaths, Predicate<Node> accepts) {
        this.keepPaths = keepPaths;
        this.accepts = accepts;
    }

    @SuppressWarnings("deprecation") // internal ids are stable within the transaction, and cheaper than element ids
    void offer(Node item, PathRef path) {
        if (path.contribution() == 0.0 || !accepts.test(item)) {
            return;
        }
        byItem.computeIfAbsent(item.getId(), k -> new Candidate(item, keepPaths)).offer(path);
    }

    /** The candidate of an item, or {@code null}. */
    @SuppressWarnings("deprecation")
    Candidate of(Node item) {
        return byItem.get(item.getId());
    }

    Collection<Candidate> all() {
        return byItem.values();
    }

    /** The best {@code k} by score; ties go to the smaller item id, so results are stable. */
    List<Candidate> top(int k) {
        return byItem.values().stream()
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()
                        .thenComparing(c -> String.valueOf(c.item().getProperty("id", ""))))
                .limit(k)
                .toList();
    }
}
