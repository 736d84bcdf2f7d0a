package io.kgrec.cypher.audience;

import io.kgrec.cypher.recommend.CustomerScores;
import io.kgrec.cypher.recommend.ItemScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.neo4j.graphdb.Node;

/**
 * Scores customers for a target: a customer's score is the sum, over the items the target reaches, of the item's
 * recommendation score for the customer (when some path leads to it) plus, when purchasers count, a repeat path
 * {@code repeatWeight · x} for each reached item the customer already has. A customer with nothing to go on (no
 * history, or no path and no repeat to any reached item) is not in the audience. Summing, rather than averaging or
 * taking the best item, keeps every path's contribution exactly what it is for the item, and ranks customers the same
 * way an average would, since every customer is scored over the same items.
 */
final class AudienceScores {
    private final ItemScorer scorer;
    private final AudienceTarget target;
    private final Set<Node> items;
    private final boolean excludePurchasers;
    private final double repeatWeight;

    AudienceScores(ItemScorer scorer, AudienceTarget target, boolean excludePurchasers, double repeatWeight) {
        this.scorer = scorer;
        this.target = target;
        this.items = target.itemNodes();
        this.excludePurchasers = excludePurchasers;
        this.repeatWeight = repeatWeight;
    }

    /** A customer and their score. */
    record Scored(Node customer, double score) {
    }

    /** One customer's scores, read for the target's items. */
    CustomerScores of(Node customer) {
        return scorer.of(customer, excludePurchasers, items);
    }

    /** The customer's audience score, or NaN when nothing leads from them to the target. */
    double score(CustomerScores s) {
        if (!s.hasHistory()) {
            return Double.NaN;
        }
        double total = 0;
        boolean any = false;
        for (AudienceTarget.Reached r : target.items()) {
            double v = s.score(r.item());
            if (!Double.isNaN(v)) {
                total += v;
                any = true;
            }
            double own = repeats() ? s.own(r.item()) : 0.0;
            if (own != 0.0) {
                total += repeat(own);
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }

    /** A repeat path's contribution for the customer's own x on an offered item. */
    double repeat(double own) {
        return repeatWeight * own;
    }

    boolean repeats() {
        return !excludePurchasers && repeatWeight != 0.0;
    }

    /** The best {@code limit} customers, best first; equal scores by customer id. A bounded heap over all of them. */
    List<Scored> best(List<Node> customers, int limit) {
        PriorityQueue<Scored> worstFirst = new PriorityQueue<>(limit + 1, (a, b) -> -order(a, b));
        for (Node c : customers) {
            double score = score(of(c));
            if (Double.isNaN(score)) {
                continue;
            }
            Scored s = new Scored(c, score);
            if (worstFirst.size() < limit || order(s, worstFirst.peek()) < 0) {
                worstFirst.add(s);
                if (worstFirst.size() > limit) {
                    worstFirst.poll();
                }
            }
        }
        List<Scored> out = new ArrayList<>(worstFirst);
        out.sort(AudienceScores::order);
        return out;
    }

    /** Negative when a ranks before b. */
    private static int order(Scored a, Scored b) {
        int byScore = Double.compare(b.score(), a.score());
        return byScore != 0 ? byScore : id(a).compareTo(id(b));
    }

    private static String id(Scored s) {
        return String.valueOf(s.customer().getProperty("id", ""));
    }
}
