#!/usr/bin/env python3
"""Is there a better prior than plain popularity on completejourney? (issue 3, validation only)

Every peer in PEERS.md is within 4% of MostPopular on this sample, so the prior carries most of any model's score.
This scores valid.tsv from valid_train.tsv (never the test split) with plain popularity (households per item) and
three variants a retailer would try, and prints nDCG@10 as evaluate.py computes it:
- popularity lifted by the household's share of purchases in the item's department, category, product type,
  manufacturer or brand (a customer -> attribute -> popular item path): pop * (1 + beta * share);
- popularity by quantity bought (the `weight` column), raw and as a sum of log(1 + quantity);
- popularity over the latest half or quarter of the training period.

    python3 tools/probes/popularity_variants.py ../shared/eval/data/completejourney
"""
import csv
import datetime
import sys

import numpy as np
import scipy.sparse as sp

from probe_metrics import mean_ndcg_of_scores

RELATIONS = ("in_department", "in_product_category", "in_product_type", "made_by", "has_brand")


def read(folder, name):
    with open(f"{folder}/{name}.tsv") as f:
        return list(csv.reader(f, delimiter="\t"))[1:]


def main(folder):
    train, held_out = read(folder, "split/valid_train"), read(folder, "split/valid")
    users, items = {}, {}
    for r in train + held_out:
        users.setdefault(r[0], len(users))
        items.setdefault(r[1], len(items))
    rows = np.array([users[r[0]] for r in train])
    cols = np.array([items[r[1]] for r in train])
    shape = (len(users), len(items))

    def matrix(values, keep=None):
        keep = np.ones(len(train), bool) if keep is None else keep
        return sp.csr_matrix((values[keep], (rows[keep], cols[keep])), shape=shape)

    bought = matrix(np.ones(len(train)))
    popularity = np.asarray(bought.sum(0)).ravel()
    truth = {}
    for r in held_out:
        truth.setdefault(users[r[0]], set()).add(items[r[1]])

    def ndcg(score):
        return mean_ndcg_of_scores(score, truth, bought)

    print(f"popularity {ndcg(lambda u: popularity):.4f}")

    attribute = {rel: {} for rel in RELATIONS}
    for head, rel, tail in read(folder, "triples"):
        if rel in attribute and head in items:
            attribute[rel][items[head]] = tail
    per_household = np.maximum(np.asarray(bought.sum(1)).ravel(), 1)
    for rel in RELATIONS:
        values, column = {}, np.full(len(items), -1)
        for i, tail in attribute[rel].items():
            column[i] = values.setdefault(tail, len(values))
        known = column >= 0
        item_attribute = sp.csr_matrix((np.ones(known.sum()), (np.flatnonzero(known), column[known])),
                                       shape=(len(items), len(values)))
        counts = (bought @ item_attribute).tocsr()

        def lifted(u, beta):
            share = np.asarray(counts[u].todense()).ravel() / per_household[u]
            return popularity * (1 + beta * share[np.maximum(column, 0)] * known)

        print(f"{rel} ({len(values)} values)",
              "  ".join(f"beta {b} {ndcg(lambda u, b=b: lifted(u, b)):.4f}" for b in (0.3, 1, 3)))

    quantity = matrix(np.array([float(r[2]) for r in train]))
    by_quantity = np.asarray(quantity.sum(0)).ravel()
    by_log_quantity = np.asarray(quantity.log1p().sum(0)).ravel()
    print(f"quantity {ndcg(lambda u: by_quantity):.4f}  log(1 + quantity) {ndcg(lambda u: by_log_quantity):.4f}")

    seconds = np.array([datetime.datetime.fromisoformat(r[3]).timestamp() for r in train])
    for share in (0.5, 0.25):
        recent = np.asarray(matrix(np.ones(len(train)), seconds >= np.quantile(seconds, 1 - share)).sum(0)).ravel()
        print(f"latest {share:.0%} of the period {ndcg(lambda u: recent):.4f}"
              f"  plus all-time popularity {ndcg(lambda u: popularity + recent):.4f}")


if __name__ == "__main__":
    main(sys.argv[1])
