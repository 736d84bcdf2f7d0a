package io.kgrec.cypher.recommend;

import io.kgrec.model.reason.ScoreTerm;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;

/** The trained model's candidates for one customer, for {@link Selection}. */
final class ModelPool implements RankedPool {
    private final Transaction tx;
    private final Scoring scoring;
    private final ModelReasons reasons;
    private final int maxReasons;

    ModelPool(Transaction tx, Scoring scoring, int maxReasons) {
        this.tx = tx;
        this.scoring = scoring;
        this.reasons = new ModelReasons(tx, scoring.history().customer());
        this.maxReasons = maxReasons;
    }

    @Override
    @SuppressWarnings("deprecation") // internal ids are stable within the transaction
    public List<Ranked> best(int limit) {
        List<Ranked> out = new ArrayList<>();
        for (int i : scoring.top(limit)) {
            out.add(new Ranked(tx.getNodeById(scoring.snapshot().nodes()[i]), scoring.score(i), i));
        }
        return out;
    }

    @Override
    @SuppressWarnings("deprecation")
    public Ranked find(Node item) {
        int index = scoring.snapshot().indexOf(item.getId());
        return index >= 0 && scoring.isCandidate(index) ? new Ranked(item, scoring.score(index), index) : null;
    }

    @Override
    public Recommendation explain(Ranked candidate, int rank, List<ScoreTerm> extraTerms) {
        if (candidate.handle() == null) {
            return new Recommendation(rank, candidate.item(), 0.0, List.of(), List.of()).with(extraTerms);
        }
        int index = (Integer) candidate.handle();
        return reasons.explain(rank, scoring.candidate(index), scoring.prior(),
                maxReasons).with(extraTerms);
    }

    @Override
    public boolean interacted(Node item) {
        return scoring.history().contains(item);
    }

    /** The rank a candidate has among all candidates, before business rules. */
    int rankOf(int index) {
        return scoring.rankOf(index);
    }
}
