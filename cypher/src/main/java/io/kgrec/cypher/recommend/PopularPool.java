package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.model.reason.ScoreTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;

/**
 * The untrained walk's answer for a customer it knows nothing about (no history, or opted out of profiling): the
 * items most customers interacted with, scored by that share as one named term. Nothing in it depends on the
 * customer, and degrees come from the store's counts, so it costs one pass over the items.
 */
final class PopularPool implements RankedPool {
    private final List<Ranked> ranked;
    private final long customers;

    private PopularPool(List<Ranked> ranked, long customers) {
        this.ranked = ranked;
        this.customers = customers;
    }

    /** The {@code limit} most popular items, best first, equal shares by item id. */
    static PopularPool of(Transaction tx, int limit) {
        long customers = (Long) tx.execute("MATCH (c:Customer) RETURN count(c) AS n").next().get("n");
        Comparator<Ranked> better = Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparing(r -> String.valueOf(r.item().getProperty("id", "")));
        PriorityQueue<Ranked> worstFirst = new PriorityQueue<>(better.reversed());
        try (ResourceIterator<Node> items = tx.findNodes(GraphSchema.ITEM)) {
            while (limit > 0 && items.hasNext()) {
                Node item = items.next();
                int degree = interactions(item, Direction.INCOMING);
                if (degree == 0 || customers == 0) {
                    continue;
                }
                worstFirst.add(new Ranked(item, (double) degree / customers, null));
                if (worstFirst.size() > limit) {
                    worstFirst.poll();
                }
            }
        }
        List<Ranked> best = new ArrayList<>(worstFirst);
        best.sort(better);
        return new PopularPool(best, customers);
    }

    @Override
    public List<Ranked> best(int limit) {
        return ranked.subList(0, Math.min(limit, ranked.size()));
    }

    @Override
    public Ranked find(Node item) {
        return ranked.stream().filter(r -> r.item().equals(item)).findFirst().orElse(null);
    }

    @Override
    public Recommendation explain(Ranked candidate, int rank, List<ScoreTerm> extraTerms) {
        Ranked entry = entry(candidate.item());
        double share = entry == null ? 0.0 : entry.score();
        List<ScoreTerm> terms = share == 0.0 ? List.of() : List.of(new ScoreTerm("popularity_prior", share,
                String.format(Locale.ROOT, "Popular: %d interactions for every 100 customers.",
                        Math.round(100 * share))));
        return new Recommendation(rank, candidate.item(), share, List.of(), terms).with(extraTerms);
    }

    @Override
    public boolean interacted(Node item) {
        return false;
    }

    /** One item's entry, whether or not it is among the most popular; {@code null} when nobody has it. */
    Ranked entry(Node item) {
        int degree = interactions(item, Direction.INCOMING);
        return degree == 0 || customers == 0 ? null : new Ranked(item, (double) degree / customers, null);
    }

    private static int interactions(Node node, Direction direction) {
        int degree = 0;
        for (RelationshipType type : GraphSchema.interactionTypes()) {
            degree += node.getDegree(type, direction);
        }
        return degree;
    }
}
