#!/usr/bin/env python3
"""Intra-list diversity of a recs.tsv from the dataset's knowledge graph, defined as kgrec evaluate defines it
(io.kgrec.api.evaluation.IntraListDiversity): 1 - the mean Jaccard similarity of the items' knowledge-graph
neighbours over each list's pairs (0 when neither item has any), averaged over lists of two or more items. The
neighbours are read from triples.tsv (an item's heads and tails), which is what the loader puts in the graph.
Usage: ild.py <dataset dir> <recs.tsv> [--k 10]"""
import collections
import csv
import sys

dataset, recs_file = sys.argv[1], sys.argv[2]
k = int(sys.argv[sys.argv.index("--k") + 1]) if "--k" in sys.argv else 10
csv.field_size_limit(10**9)
neighbours = collections.defaultdict(set)
with open(f"{dataset}/triples.tsv", newline="") as f:
    r = csv.reader(f, delimiter="\t")
    next(r)
    for head, _relation, tail in r:
        neighbours[head].add(tail)
        neighbours[tail].add(head)
lists = collections.defaultdict(list)
with open(recs_file, newline="") as f:
    r = csv.reader(f, delimiter="\t")
    next(r)
    for row in r:
        lists[row[0]].append((int(row[2]), row[1]))


def jaccard(a, b):
    x, y = neighbours.get(a, set()), neighbours.get(b, set())
    if not x and not y:
        return 0.0
    common = len(x & y)
    return common / (len(x) + len(y) - common)


total, counted = 0.0, 0
for ranked in lists.values():
    items = [i for _, i in sorted(ranked)][:k]
    if len(items) < 2:
        continue
    pairs = [(a, b) for n, a in enumerate(items) for b in items[n + 1:]]
    total += 1 - sum(jaccard(a, b) for a, b in pairs) / len(pairs)
    counted += 1
print(f"ild {total / counted:.4f} over {counted} lists")
