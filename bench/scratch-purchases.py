#!/usr/bin/env python3
"""Purchases by scratch customers over the GraphQL API, to warm the purchase path from outside before a probe
(bench/first-purchase.sh). Usage: scratch-purchases.py <graphql url> <customers file> <purchases>

Each round reads the scratch customer's recommendations (a customer not seen yet buys one of some real customers' top
items instead; any other error stops the run with its reason), buys the top item and reads the list again. The
scratch customers 99900-99904 are created by their first purchase; run it only against a throw-away copy of the data."""
import http.client
import json
import random
import sys
from urllib.parse import urlparse

TOP = ("query Top($c: ID!) { recommendations(customerId: $c, first: 10) "
       "{ edges { node { recommendationId modelVersion item { id } } } } }")
BUY = ("mutation Bought($c: ID!, $i: ID!, $r: ID) "
       "{ recordInteraction(customerId: $c, itemId: $i, type: PURCHASED, recommendationId: $r) { count } }")


def main(url, customers_file, purchases):
    target = urlparse(url)
    connection = http.client.HTTPConnection(target.hostname, target.port)
    headers = {"Content-Type": "application/json", "X-API-Key": "demo-frontend-key"}

    def post(query, variables):
        connection.request("POST", target.path, json.dumps({"query": query, "variables": variables}), headers)
        return json.loads(connection.getresponse().read())

    def top(customer):
        answer = post(TOP, {"c": customer})
        errors = answer.get("errors") or []
        if errors and all(e.get("extensions", {}).get("code") == "NOT_FOUND" for e in errors):
            return []  # a scratch customer before its first purchase
        if errors or not answer.get("data"):
            sys.exit("recommendations for %s failed: %s" % (customer, errors or answer))
        return answer["data"]["recommendations"]["edges"]

    real = [line.strip() for line in open(customers_file)][:10]
    items = [e["node"]["item"]["id"] for c in real for e in top(c)]
    rng = random.Random(1)
    for k in range(purchases):
        scratch = "9990%d" % (k % 5)
        edges = top(scratch)
        item = edges[0]["node"]["item"]["id"] if edges else rng.choice(items)
        recommendation = edges[0]["node"]["recommendationId"] if edges else None
        answer = post(BUY, {"c": scratch, "i": item, "r": recommendation})
        if "errors" in answer:
            sys.exit("purchase %d failed: %s" % (k, answer["errors"]))
        top(scratch)
    print("sent %d scratch purchases" % purchases)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
