#!/usr/bin/env python3
"""Does the product hierarchy pool enough evidence to beat popularity on completejourney? (issue 3, validation only)

The attribute paths the model has are content paths (an item like one you bought); the prior variants in
popularity_variants.py lift popular items in the household's own departments. This probe tries the collaborative
use of the hierarchy instead: households that buy in category C also buy item B, learned over all households, so
that 285 categories (or 1,657 product types, 2,237 manufacturers) pool the evidence that 18,460 items are too thin
to give. A ridge regression predicts each item from the household's purchases per attribute value plus an intercept
(the intercept alone is popularity). It is trained as a denoiser, so that an item never predicts itself: each
household's valid_train items are split 80/20 three times at random, the 80% give the features and the 20% the
targets. Then valid.tsv is scored from all of valid_train (never the test split), alone and with popularity added.
Prints nDCG@10 as evaluate.py computes it.

With --model-scores, each ridge is also blended into the product's own model (scores written by
io.kgrec.cypher.model.ModelScoresDump for valid_train): model / its standard deviation + a * ridge / its standard
deviation, for a few a.

    python3 tools/probes/category_ridge.py ../shared/eval/data/completejourney [--model-scores DIR]
"""
import argparse
import csv

import numpy as np
import scipy.sparse as sp

from probe_metrics import mean_ndcg_of_scores

GROUPS = {"department": ["in_department"], "category": ["in_product_category"], "product type": ["in_product_type"],
          "manufacturer": ["made_by"], "department + category + type": ["in_department", "in_product_category",
                                                                        "in_product_type"]}
SPLITS, HELD_OUT_SHARE = 3, 0.2
LAMBDAS = (300, 3000, 30000)
POPULARITY_MIX = (0.3, 1, 3)
MODEL_MIX = (0.1, 0.3, 1, 3)


def read(folder, name):
    with open(f"{folder}/{name}.tsv") as f:
        return list(csv.reader(f, delimiter="\t"))[1:]


def main(folder, model_scores):
    train, held_out = read(folder, "split/valid_train"), read(folder, "split/valid")
    users, items, model = {}, {}, None
    if model_scores:
        users = {c: k for k, c in enumerate(open(f"{model_scores}/customers.txt").read().split())}
        items = {i: k for k, i in enumerate(open(f"{model_scores}/items.txt").read().split())}
        model = np.fromfile(f"{model_scores}/scores.f32", dtype="<f4").reshape(len(users), len(items))
    for r in train + held_out:
        users.setdefault(r[0], len(users))
        items.setdefault(r[1], len(items))
    bought = sp.csr_matrix((np.ones(len(train)), ([users[r[0]] for r in train], [items[r[1]] for r in train])),
                           shape=(len(users), len(items)))
    popularity = np.asarray(bought.sum(0)).ravel()
    # on the scale of the ridge's output: the expected number of held-out purchases of the item per household
    popularity_scale = popularity / len(users) * HELD_OUT_SHARE
    truth = {}
    for r in held_out:
        truth.setdefault(users[r[0]], set()).add(items[r[1]])
    print(f"popularity {mean_ndcg_of_scores(lambda u: popularity, truth, bought):.4f}")
    if model is not None:
        print(f"model {mean_ndcg_of_scores(lambda u: model[u], truth, bought):.4f}")

    tails = {}
    for head, relation, tail in read(folder, "triples"):
        if head in items:
            tails.setdefault(relation, {})[items[head]] = tail
    rng = np.random.default_rng(1)
    denoising = [split(bought, rng) for _ in range(SPLITS)]
    for name, relations in GROUPS.items():
        membership = sp.hstack([one_hot(tails[r], len(items)) for r in relations]).tocsr()
        for encoding in ("share", "log"):
            features = np.vstack([household_features(kept, membership, encoding) for kept, _ in denoising])
            targets = sp.vstack([target for _, target in denoising]).tocsr()
            gram, moment = features.T @ features, np.asarray((targets.T @ features).T)
            scoring = household_features(bought, membership, encoding)
            for lam in LAMBDAS:
                predicted = scoring @ np.linalg.solve(gram + lam * np.eye(len(gram)), moment)
                alone = mean_ndcg_of_scores(lambda u: predicted[u], truth, bought)
                mixed = [mean_ndcg_of_scores(lambda u, a=a: predicted[u] + a * popularity_scale, truth, bought)
                         for a in POPULARITY_MIX]
                line = (f"{name} ({membership.shape[1]} values), {encoding}, lambda {lam}: alone {alone:.4f}, plus "
                        + ", ".join(f"{a} x popularity {v:.4f}" for a, v in zip(POPULARITY_MIX, mixed)))
                if model is not None:
                    model_scale, ridge_scale = model.std(), predicted.std()
                    blended = [mean_ndcg_of_scores(
                        lambda u, a=a: model[u] / model_scale + a * predicted[u] / ridge_scale, truth, bought)
                        for a in MODEL_MIX]
                    line += "; model plus " + ", ".join(f"{a} x ridge {v:.4f}" for a, v in zip(MODEL_MIX, blended))
                print(line, flush=True)


def one_hot(tail_of_item, item_count):
    values = {}
    heads = list(tail_of_item)
    columns = [values.setdefault(tail_of_item[i], len(values)) for i in heads]
    return sp.csr_matrix((np.ones(len(heads)), (heads, columns)), shape=(item_count, len(values)))


def split(bought, rng):
    """One denoising sample: about 80% of each household's items as input, the rest as targets."""
    coo = bought.tocoo()
    kept = rng.random(coo.nnz) >= HELD_OUT_SHARE
    part = lambda mask: sp.csr_matrix((coo.data[mask], (coo.row[mask], coo.col[mask])), shape=bought.shape)
    return part(kept), part(~kept)


def household_features(bought, membership, encoding):
    counts = (bought @ membership).toarray()
    if encoding == "share":
        counts = counts / np.maximum(np.asarray(bought.sum(1)).ravel(), 1)[:, None]
    else:
        counts = np.log1p(counts)
    return np.hstack([counts, np.ones((len(counts), 1))])


if __name__ == "__main__":
    arguments = argparse.ArgumentParser()
    arguments.add_argument("dataset")
    arguments.add_argument("--model-scores")
    parsed = arguments.parse_args()
    main(parsed.dataset, parsed.model_scores)
