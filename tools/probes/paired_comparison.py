#!/usr/bin/env python3
"""How sure is a difference in nDCG@10 between kgrec and the best peer on one dataset? (issue 3)

PEERS.md gives each peer's figure, not its lists, so this rebuilds the peer that is best on completejourney, RankSys's
UserKNN (cosine on the binary customer-item matrix, the k most similar customers, score = sum of their similarities;
tuned k=400), from split/train.tsv, checks that it reproduces the published nDCG@10, then compares it with kgrec's
recs.tsv customer by customer: the mean difference and a paired bootstrap over customers (10,000 resamples, seed 1).
Per-customer nDCG@10 is computed as evaluate.py computes it.

    python3 tools/probes/paired_comparison.py ../shared/eval/data/completejourney <kgrec recs.tsv> [k]
"""
import csv
import sys

import numpy as np
import scipy.sparse as sp

from probe_metrics import ndcg_at_10


def read(path):
    with open(path) as f:
        return list(csv.reader(f, delimiter="\t"))[1:]


def user_knn(train, k):
    users = sorted({r[0] for r in train})
    items = sorted({r[1] for r in train})
    u_index = {u: n for n, u in enumerate(users)}
    i_index = {i: n for n, i in enumerate(items)}
    m = sp.csr_matrix((np.ones(len(train)), ([u_index[r[0]] for r in train], [i_index[r[1]] for r in train])),
                      shape=(len(users), len(items)))
    m.data[:] = 1  # binary, as the peers were run
    norms = np.sqrt(np.asarray(m.sum(1)).ravel())
    overlap = (m @ m.T).tocsr().astype(float)
    lists = {}
    for u in range(len(users)):
        row = overlap[u]
        neighbours, counts = row.indices, row.data
        keep = neighbours != u
        neighbours, sims = neighbours[keep], counts[keep] / (norms[u] * norms[neighbours[keep]])
        if len(neighbours) > k:
            top = np.argpartition(-sims, k)[:k]
            neighbours, sims = neighbours[top], sims[top]
        scores = np.asarray(m[neighbours].T @ sims).ravel()
        scores[m[u].indices] = -np.inf
        candidates = np.flatnonzero(scores > 0)
        ranked = candidates[np.lexsort((candidates, -scores[candidates]))][:10]
        lists[users[u]] = [items[i] for i in ranked]
    return lists


def main(folder, recs_path, k):
    train, test = read(f"{folder}/split/train.tsv"), read(f"{folder}/split/test.tsv")
    truth = {}
    for r in test:
        truth.setdefault(r[0], set()).add(r[1])
    ours = {}
    for r in sorted(read(recs_path), key=lambda r: (r[0], int(r[2]))):
        ours.setdefault(r[0], []).append(r[1])
    peer = user_knn(train, k)
    customers = sorted(truth)
    a = np.array([ndcg_at_10(ours.get(c, []), truth[c]) for c in customers])
    b = np.array([ndcg_at_10(peer.get(c, []), truth[c]) for c in customers])
    diff = a - b
    rng = np.random.default_rng(1)
    means = np.array([diff[rng.integers(0, len(diff), len(diff))].mean() for _ in range(10_000)])
    low, high = np.quantile(means, [0.025, 0.975])
    print(f"customers {len(customers)}")
    print(f"kgrec nDCG@10 {a.mean():.4f}   UserKNN (k={k}) nDCG@10 {b.mean():.4f}")
    print(f"difference {diff.mean():+.4f}, paired standard error {diff.std(ddof=1) / np.sqrt(len(diff)):.4f}, "
          f"95% bootstrap interval [{low:+.4f}, {high:+.4f}], kgrec ahead in {np.mean(means > 0):.1%} of resamples")
    print(f"customers where kgrec scores higher {np.sum(diff > 0)}, lower {np.sum(diff < 0)}, "
          f"the same {np.sum(diff == 0)}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 400)
