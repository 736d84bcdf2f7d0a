package io.kgrec.cypher.recommend;

import java.util.ArrayList;
import java.util.List;
import org.neo4j.graphdb.Transaction;

/**
 * One customer's scores over the whole catalogue, as arrays indexed like the model snapshot: Σ x_uj · W_ji from the
 * known items' rows, plus the prior on every item a path reaches (or on every item, for a customer with no history).
 */
final class Scoring {
    private final Transaction tx;
    private final ModelStore.Snapshot snapshot;
    private final CustomerHistory history;
    private final SegmentPrior prior;
    private final int[] knownIndex;
    private final double[] knownValue;
    private final Known[] known;
    private final double[] score;
    private final boolean[] candidate;

    private Scoring(Transaction tx, ModelStore.Snapshot snapshot, CustomerHistory history, SegmentPrior prior,
            int[] knownIndex, double[] knownValue, Known[] known, double[] score, boolean[] candidate) {
        this.tx = tx;
        this.snapshot = snapshot;
        this.history = history;
        this.prior = prior;
        this.knownIndex = knownIndex;
        this.knownValue = knownValue;
        this.known = known;
        this.score = score;
        this.candidate = candidate;
    }

    @SuppressWarnings("deprecation") // internal ids are stable within the transaction
    static Scoring of(Transaction tx, CurrentModel model, ModelStore.Snapshot snapshot, CustomerHistory history,
            SegmentPrior prior, boolean excludeInteracted) {
        int n = snapshot.items();
        Known[] known = history.items().toArray(Known[]::new);
        int[] knownIndex = new int[known.length];
        double[] knownValue = new double[known.length];
        boolean[] had = new boolean[n];
        for (int k = 0; k < known.length; k++) {
            knownIndex[k] = snapshot.indexOf(known[k].item().getId());
            knownValue[k] = model.value(known[k].raw());
            if (knownIndex[k] >= 0) {
                had[knownIndex[k]] = true;
            }
        }
        double[] score = new double[n];
        boolean[] candidate = new boolean[n];
        for (int k = 0; k < known.length; k++) {
            int j = knownIndex[k];
            if (j < 0) {
                continue;
            }
            int[] targets = snapshot.targets()[j];
            double[] weights = snapshot.weights()[j];
            double x = knownValue[k];
            for (int p = 0; p < targets.length; p++) {
                score[targets[p]] += x * weights[p];
                candidate[targets[p]] = true;
            }
        }
        for (int i = 0; i < n; i++) {
            if (known.length == 0) {
                candidate[i] = true;
            }
            if (had[i] && excludeInteracted) {
                candidate[i] = false;
            } else if (candidate[i]) {
                score[i] += prior.value(i);
            }
        }
        return new Scoring(tx, snapshot, history, prior, knownIndex, knownValue, known, score, candidate);
    }

    ModelStore.Snapshot snapshot() {
        return snapshot;
    }

    CustomerHistory history() {
        return history;
    }

    SegmentPrior prior() {
        return prior;
    }

    /** The customer has a history, but no stored weight leads anywhere from it. */
    boolean reachesNothing() {
        if (known.length == 0) {
            return false;
        }
        for (boolean c : candidate) {
            if (c) {
                return false;
            }
        }
        return true;
    }

    boolean isCandidate(int item) {
        return candidate[item];
    }

    /** The k best candidates, best first; equal scores in item id order. A bounded heap: O(n log k). */
    List<Integer> top(int k) {
        java.util.PriorityQueue<Integer> worstFirst = new java.util.PriorityQueue<>(k + 1,
                (a, b) -> before(a, b) ? 1 : before(b, a) ? -1 : 0);
        for (int i = 0; i < score.length; i++) {
            if (candidate[i] && (worstFirst.size() < k || before(i, worstFirst.peek()))) {
                worstFirst.add(i);
                if (worstFirst.size() > k) {
                    worstFirst.poll();
                }
            }
        }
        List<Integer> best = new ArrayList<>(worstFirst);
        best.sort((a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
        return best;
    }

    /** The score of a candidate. */
    double score(int item) {
        return score[item];
    }

    /** 1-based rank of a candidate among all candidates. */
    int rankOf(int item) {
        int rank = 1;
        for (int i = 0; i < score.length; i++) {
            if (candidate[i] && i != item && before(i, item)) {
                rank++;
            }
        }
        return rank;
    }

    private boolean before(int a, int b) {
        return score[a] > score[b] || score[a] == score[b] && snapshot.ids()[a].compareTo(snapshot.ids()[b]) < 0;
    }

    /** The candidate with the contributions of every known item that reaches it. */
    @SuppressWarnings("deprecation")
    ModelCandidate candidate(int item) {
        List<ModelCandidate.Contribution> contributions = new ArrayList<>();
        for (int k = 0; k < known.length; k++) {
            int j = knownIndex[k];
            if (j < 0) {
                continue;
            }
            int at = snapshot.find(j, item);
            if (at >= 0) {
                contributions.add(new ModelCandidate.Contribution(known[k], knownValue[k],
                        snapshot.relationships()[j][at]));
            }
        }
        return new ModelCandidate(item, tx.getNodeById(snapshot.nodes()[item]), score[item], contributions);
    }
}
