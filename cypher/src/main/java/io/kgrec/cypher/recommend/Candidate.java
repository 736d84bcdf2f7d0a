package io.kgrec.cypher.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.neo4j.graphdb.Node;

/**
 * An item being scored for one customer. Its score is the sum of every path offered to it; it keeps only the
 * strongest paths, and sums the ones it lets go separately, so the returned paths plus the remainder add up to the
 * score without the remainder being derived from the score.
 */
final class Candidate {
    private static final Comparator<PathRef> STRONGEST_FIRST =
            Comparator.comparingDouble(PathRef::contribution).reversed();

    private final Node item;
    private final int keep;
    private final List<PathRef> top = new ArrayList<>();
    private double score;
    private double dropped;
    private int droppedCount;

    Candidate(Node item, int keep) {
        this.item = item;
        this.keep = keep;
    }

    void offer(PathRef path) {
        score += path.contribution();
        if (top.size() < keep) {
            top.add(path);
            top.sort(STRONGEST_FIRST);
            return;
        }
        PathRef weakest = top.get(top.size() - 1);
        if (path.contribution() > weakest.contribution()) {
            top.set(top.size() - 1, path);
            top.sort(STRONGEST_FIRST);
            dropped += weakest.contribution();
        } else {
            dropped += path.contribution();
        }
        droppedCount++;
    }

    Node item() {
        return item;
    }

    double score() {
        return score;
    }

    List<PathRef> topPaths() {
        return top;
    }

    double droppedContribution() {
        return dropped;
    }

    int droppedCount() {
        return droppedCount;
    }
}
