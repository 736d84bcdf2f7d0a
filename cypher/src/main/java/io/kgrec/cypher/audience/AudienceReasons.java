package io.kgrec.cypher.audience;

import io.kgrec.cypher.graph.DisplayNames;
import io.kgrec.cypher.recommend.CustomerScores;
import io.kgrec.model.reason.PathKind;
import io.kgrec.model.reason.PathNode;
import io.kgrec.model.reason.PathStep;
import io.kgrec.model.reason.ReasonPath;
import io.kgrec.model.reason.ReasonSentences;
import io.kgrec.model.reason.ScoreTerm;
import io.kgrec.model.schema.MarketingRelationships;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;

/**
 * Splits a customer's audience score into reason paths: every path of every reached item, extended by the hops from
 * the item to the target (item ← coupon → campaign), and a repeat path for each offered item the customer already
 * has. The strongest positive paths are shown; the others are summed into one {@code other_paths} term, and the items'
 * named terms (priors) are summed by name, so the shown paths plus the terms add up to the score.
 */
final class AudienceReasons {
    private final AudienceScores scores;
    private final AudienceTarget target;
    private final int maxReasons;

    AudienceReasons(AudienceScores scores, AudienceTarget target, int maxReasons) {
        this.scores = scores;
        this.target = target;
        this.maxReasons = maxReasons;
    }

    /** A customer in the audience with the reasons behind their score. */
    record Member(int rank, Node customer, double score, List<ReasonPath> reasons, List<ScoreTerm> terms) {
    }

    private record Part(double contribution, Supplier<ReasonPath> path) {
    }

    Member explain(int rank, Node customer) {
        CustomerScores s = scores.of(customer);
        String customerId = DisplayNames.key(customer);
        List<Part> parts = new ArrayList<>();
        Map<String, double[]> termSums = new LinkedHashMap<>();
        Map<String, String> termText = new LinkedHashMap<>();
        double score = 0;
        for (AudienceTarget.Reached r : target.items()) {
            double v = s.score(r.item());
            if (!Double.isNaN(v)) {
                score += v;
                for (CustomerScores.Part p : s.paths(r.item())) {
                    parts.add(new Part(p.contribution(), () -> extend(p.materialise(), r, customerId)));
                }
                for (ScoreTerm t : s.terms(r.item())) {
                    double[] sum = termSums.computeIfAbsent(t.name(), k -> new double[2]);
                    sum[0] += t.value();
                    sum[1]++;
                    termText.putIfAbsent(t.name(), t.description());
                }
            }
            double own = scores.repeats() ? s.own(r.item()) : 0.0;
            if (own != 0.0) {
                double contribution = scores.repeat(own);
                score += contribution;
                RelationshipType type = s.ownType(r.item());
                parts.add(new Part(contribution, () -> repeat(customer, type, r, contribution)));
            }
        }
        parts.sort(Comparator.comparingDouble(Part::contribution).reversed());
        List<ReasonPath> reasons = new ArrayList<>();
        double rest = 0;
        int restCount = 0;
        for (Part p : parts) {
            if (reasons.size() < maxReasons && p.contribution() > 0) {
                reasons.add(p.path().get());
            } else {
                rest += p.contribution();
                restCount++;
            }
        }
        List<ScoreTerm> terms = new ArrayList<>();
        termSums.forEach((name, sum) -> terms.add(new ScoreTerm(name, sum[0], sum[1] == 1 ? termText.get(name)
                : name.replace('_', ' ') + " summed over " + (long) sum[1] + " offered items")));
        if (restCount > 0) {
            // The items' own other_paths terms and the paths not shown here are one remainder.
            ScoreTerm own = terms.stream().filter(t -> t.name().equals(ScoreTerm.OTHER_PATHS)).findFirst().orElse(null);
            double value = rest + (own == null ? 0.0 : own.value());
            terms.removeIf(t -> t.name().equals(ScoreTerm.OTHER_PATHS));
            terms.add(new ScoreTerm(ScoreTerm.OTHER_PATHS, value, restCount + " further paths"
                    + (own == null ? "" : " and the weaker paths of the offered items")
                    + (value < 0 ? ", together arguing against" : ", each weaker than those shown")));
        }
        return new Member(rank, customer, score, reasons, terms);
    }

    /** An item's path, told about the customer, and extended to the coupon and campaign that reach the item. */
    private static ReasonPath extend(ReasonPath path, AudienceTarget.Reached r, String customerId) {
        String sentence = ReasonSentences.aboutCustomer(path.sentence(), customerId);
        if (r.coupon() == null) {
            return new ReasonPath(path.kind(), path.nodes(), path.steps(), path.contribution(), sentence);
        }
        List<PathNode> nodes = new ArrayList<>(path.nodes());
        List<PathStep> steps = new ArrayList<>(path.steps());
        appendOffer(nodes, steps, r);
        return new ReasonPath(path.kind(), nodes, steps, path.contribution(),
                ReasonSentences.offeredBy(sentence, path.end().name(), upc(r.coupon()), campaignName(r)));
    }

    /** customer -[type]-> item (← coupon → campaign): the customer already has an offered item. */
    private static ReasonPath repeat(Node customer, RelationshipType type, AudienceTarget.Reached r,
            double contribution) {
        String customerId = DisplayNames.key(customer);
        PathNode item = PathNode.item(DisplayNames.key(r.item()), DisplayNames.of(r.item()));
        List<PathNode> nodes = new ArrayList<>(List.of(PathNode.customer(customerId, DisplayNames.of(customer)), item));
        List<PathStep> steps = new ArrayList<>(List.of(PathStep.out(type.name())));
        String sentence = ReasonSentences.repeat(customerId, type.name(), item.name());
        if (r.coupon() != null) {
            appendOffer(nodes, steps, r);
            sentence = ReasonSentences.offeredBy(sentence, item.name(), upc(r.coupon()), campaignName(r));
        }
        return new ReasonPath(PathKind.REPEAT, nodes, steps, contribution, sentence);
    }

    private static void appendOffer(List<PathNode> nodes, List<PathStep> steps, AudienceTarget.Reached r) {
        nodes.add(PathNode.coupon(upc(r.coupon())));
        steps.add(PathStep.in(MarketingRelationships.APPLIES_TO));
        if (r.campaign() != null) {
            nodes.add(PathNode.campaign(DisplayNames.key(r.campaign()), (String) r.campaign().getProperty("type", null)));
            steps.add(PathStep.out(MarketingRelationships.OFFERED_IN));
        }
    }

    private static String upc(Node coupon) {
        return String.valueOf(coupon.getProperty("upc", ""));
    }

    private static String campaignName(AudienceTarget.Reached r) {
        return r.campaign() == null ? null : "campaign " + DisplayNames.key(r.campaign());
    }
}
