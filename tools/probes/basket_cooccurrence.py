#!/usr/bin/env python3
"""Does buying on the same shopping trip say more than buying in the same household? (issue 3, validation only)

Completejourney keeps each household-item pair's latest timestamp, so the pairs of one household with one timestamp
are one basket. This scores valid.tsv from valid_train.tsv (never the test split) with popularity, item-item cosine over
households, item-item cosine over baskets, and each plus popularity, and prints nDCG@10 as evaluate.py computes it.

    python3 tools/probes/basket_cooccurrence.py ../shared/eval/data/completejourney
"""
import csv
import sys

import numpy as np
import scipy.sparse as sp

from probe_metrics import mean_ndcg_of_scores


def read(folder, name):
    with open(f"{folder}/split/{name}.tsv") as f:
        return list(csv.reader(f, delimiter="\t"))[1:]


def cosine(m):
    c = (m.T @ m).tocsr().astype(float)
    c.setdiag(0)
    c.eliminate_zeros()
    d = np.asarray(m.sum(0)).ravel() + 1e-9
    return sp.diags(d ** -0.5) @ c @ sp.diags(d ** -0.5)


def main(folder):
    train, held_out = read(folder, "valid_train"), read(folder, "valid")
    users, items, baskets = {}, {}, {}
    for r in train + held_out:
        users.setdefault(r[0], len(users))
        items.setdefault(r[1], len(items))
    for r in train:
        baskets.setdefault((r[0], r[3]), len(baskets))
    ones = np.ones(len(train))
    cols = [items[r[1]] for r in train]
    by_user = sp.csr_matrix((ones, ([users[r[0]] for r in train], cols)), shape=(len(users), len(items)))
    by_basket = sp.csr_matrix((ones, ([baskets[(r[0], r[3])] for r in train], cols)), shape=(len(baskets), len(items)))
    popularity = np.asarray(by_user.sum(0)).ravel().astype(float)
    truth = {}
    for r in held_out:
        truth.setdefault(users[r[0]], set()).add(items[r[1]])
    print(f"{len(train)} training pairs in {len(baskets)} baskets ({len(train) / len(baskets):.2f} items each)")

    def ndcg(score):
        return mean_ndcg_of_scores(score, truth, by_user)

    households, trips = cosine(by_user), cosine(by_basket)
    norm = popularity / popularity.max()
    print(f"popularity {ndcg(lambda u: popularity):.4f}")
    for name, sim in (("households", households), ("baskets", trips)):
        walk = lambda u, s=sim: np.asarray((by_user[u] @ s).todense()).ravel()
        print(f"{name} {ndcg(walk):.4f}", end="")
        for w in (0.3, 1, 3):
            print(f"  +{w} popularity {ndcg(lambda u: walk(u) + w * norm):.4f}", end="")
        print()


if __name__ == "__main__":
    main(sys.argv[1])
