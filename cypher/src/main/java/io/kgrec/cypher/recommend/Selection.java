package io.kgrec.cypher.recommend;

import io.kgrec.cypher.graph.GraphSchema;
import io.kgrec.model.reason.ScoreTerm;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/**
 * Applies a shop's {@link BusinessRules} to a recommender's candidates: boosts (as named score terms), filters,
 * diversity re-ranking by maximal marginal relevance, then pins. Works on the best few hundred candidates, enough for
 * any page a frontend asks for; very narrow filters may return fewer items than asked.
 */
final class Selection {
    /** How deep into the candidates filters and diversity look. */
    static final int DEPTH = 500;

    private final Transaction tx;
    private final BusinessRules rules;
    private final ItemNeighbours neighbours;

    Selection(Transaction tx, BusinessRules rules) {
        this.tx = tx;
        this.rules = rules;
        this.neighbours = new ItemNeighbours(tx);
    }

    List<Recommendation> select(RankedPool pool, int k) {
        List<Ranked> head = pool.best(rules.filters() || rules.diversity() > 0 ? DEPTH : k + rules.boost().size());
        Map<String, Double> boosts = new HashMap<>();
        List<Ranked> ranked = boosted(pool, head, boosts);
        ranked.removeIf(r -> !accepts(r.item()));
        List<Ranked> chosen = rules.diversity() > 0 ? diversify(ranked, k) : ranked.subList(0, Math.min(k, ranked.size()));
        List<Ranked> pinned = pinned(pool);
        Set<String> pinnedIds = new HashSet<>();
        pinned.forEach(p -> pinnedIds.add(p.item().getElementId()));
        List<Recommendation> out = new ArrayList<>();
        for (Ranked p : pinned) {
            // Pinned entries come straight from the pool, without any boost in their score.
            List<ScoreTerm> extra = new ArrayList<>(boostTerm(p, boosts));
            extra.add(new ScoreTerm("pinned", 0.0, "Placed here by a business rule, whatever its score."));
            out.add(pool.explain(p, out.size() + 1, extra));
        }
        for (Ranked r : chosen) {
            if (out.size() == k) {
                break;
            }
            if (!pinnedIds.contains(r.item().getElementId())) {
                out.add(pool.explain(r.withScore(r.score() - boostOf(r, boosts)), out.size() + 1, boostTerm(r, boosts)));
            }
        }
        return out.size() > k ? out.subList(0, k) : out;
    }

    /** The head with boosts added to the scores (boosted candidates beyond the head are brought in), re-sorted. */
    private List<Ranked> boosted(RankedPool pool, List<Ranked> head, Map<String, Double> applied) {
        List<Ranked> out = new ArrayList<>(head);
        for (Map.Entry<String, Double> boost : rules.boost().entrySet()) {
            Node item = tx.findNode(GraphSchema.ITEM, "id", boost.getKey());
            if (item == null) {
                continue;
            }
            int at = indexOf(out, item);
            Ranked r = at >= 0 ? out.get(at) : pool.find(item);
            if (r == null) {
                continue;
            }
            applied.put(item.getElementId(), boost.getValue());
            if (at >= 0) {
                out.set(at, r.withScore(r.score() + boost.getValue()));
            } else {
                out.add(r.withScore(r.score() + boost.getValue()));
            }
        }
        out.sort(Comparator.comparingDouble(Ranked::score).reversed()
                .thenComparing(r -> String.valueOf(r.item().getProperty("id", ""))));
        return out;
    }

    private boolean accepts(Node item) {
        if (rules.range() != null && !rules.range().contains(item.getProperty(rules.range().property(), null))) {
            return false;
        }
        if (rules.includeAttributes().isEmpty() && rules.excludeAttributes().isEmpty()) {
            return true;
        }
        Set<String> keys = neighbours.of(item);
        if (!rules.includeAttributes().isEmpty() && rules.includeAttributes().stream().noneMatch(keys::contains)) {
            return false;
        }
        return rules.excludeAttributes().stream().noneMatch(keys::contains);
    }

    /**
     * Maximal marginal relevance: repeatedly take the candidate with the best (1 − d) · score / best score
     * − d · its largest similarity to an item already taken.
     */
    private List<Ranked> diversify(List<Ranked> candidates, int k) {
        List<Ranked> pool = new ArrayList<>(candidates);
        List<Ranked> chosen = new ArrayList<>();
        double top = pool.isEmpty() ? 1.0 : Math.max(1e-12, Math.abs(pool.get(0).score()));
        double d = rules.diversity();
        while (chosen.size() < k && !pool.isEmpty()) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < pool.size(); p++) {
                double redundancy = 0;
                for (Ranked c : chosen) {
                    redundancy = Math.max(redundancy, neighbours.similarity(pool.get(p).item(), c.item()));
                }
                double value = (1 - d) * pool.get(p).score() / top - d * redundancy;
                if (value > bestValue) {
                    bestValue = value;
                    best = p;
                }
            }
            chosen.add(pool.remove(best));
        }
        return chosen;
    }

    private List<Ranked> pinned(RankedPool pool) {
        List<Ranked> out = new ArrayList<>();
        for (String id : rules.pin()) {
            Node item = tx.findNode(GraphSchema.ITEM, "id", id);
            if (item == null || (rules.excludeInteracted() && pool.interacted(item)) || indexOf(out, item) >= 0) {
                continue;
            }
            Ranked r = pool.find(item);
            out.add(r != null ? r : new Ranked(item, 0.0, null));
        }
        return out;
    }

    private static List<ScoreTerm> boostTerm(Ranked r, Map<String, Double> boosts) {
        Double b = boosts.get(r.item().getElementId());
        return b == null ? List.of() : List.of(new ScoreTerm("business_boost", b, "Boosted by a business rule."));
    }

    private static double boostOf(Ranked r, Map<String, Double> boosts) {
        return boosts.getOrDefault(r.item().getElementId(), 0.0);
    }

    private static int indexOf(List<Ranked> list, Node item) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).item().equals(item)) {
                return i;
            }
        }
        return -1;
    }
}
