"""nDCG@10 as shared/eval/evaluate.py computes it, for the probes in this folder."""
import numpy as np


def ndcg_at_10(ranked, relevant):
    """One customer's nDCG@10 of a ranked list of items against their held-out items."""
    dcg = sum(1 / np.log2(p + 2) for p, i in enumerate(ranked[:10]) if i in relevant)
    return dcg / sum(1 / np.log2(p + 2) for p in range(min(len(relevant), 10)))


def mean_ndcg_of_scores(score, truth, bought):
    """Mean nDCG@10 over customers when score(u) gives every item's score and bought (a CSR matrix) is excluded."""
    total = 0.0
    for u, relevant in truth.items():
        s = np.asarray(score(u), float).copy()
        s[bought[u].indices] = -np.inf
        top = np.argpartition(-s, 10)[:10]
        total += ndcg_at_10(top[np.argsort(-s[top])], relevant)
    return total / len(truth)
