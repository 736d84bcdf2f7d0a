#!/usr/bin/env python3
"""Builds the bundled demo dataset from the CC0 Complete Journey files in ../shared/datasets/completejourney.

Usage: tools/make-demo-data.py <completejourney folder> <output folder>

Keeps every transaction line of transactions_sample (75,000 lines, bad ones included, so the demo shows the
quarantine at work), the products those lines name, and all demographics, campaigns, campaign descriptions,
coupons and redemptions for those products and households. Output is gzip CSV in the native layout, which the
loader's Complete Journey source reads as is.
"""
import csv
import gzip
import os
import sys


def rows(folder, name):
    with gzip.open(os.path.join(folder, name + ".csv.gz"), "rt", encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        return header, list(reader)


def write(folder, name, header, data):
    # mtime=0 keeps the gzip bytes identical run to run.
    with open(os.path.join(folder, name + ".csv.gz"), "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            with open_text(gz) as f:
                w = csv.writer(f, lineterminator="\n")
                w.writerow(header)
                w.writerows(data)


def open_text(gz):
    import io
    return io.TextIOWrapper(gz, encoding="utf-8", newline="")


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    th, tx = rows(src, "transactions_sample")
    products_used = {r[th.index("product_id")] for r in tx}
    households = {r[th.index("household_id")] for r in tx}
    write(dst, "transactions_sample", th, tx)
    ph, products = rows(src, "products")
    write(dst, "products", ph, [r for r in products if r[0] in products_used])
    dh, demo = rows(src, "demographics")
    write(dst, "demographics", dh, [r for r in demo if r[0] in households])
    ch, campaigns = rows(src, "campaigns")
    write(dst, "campaigns", ch, [r for r in campaigns if r[ch.index("household_id")] in households])
    cdh, descriptions = rows(src, "campaign_descriptions")
    write(dst, "campaign_descriptions", cdh, descriptions)
    ch2, coupons = rows(src, "coupons")
    write(dst, "coupons", ch2, [r for r in coupons if r[ch2.index("product_id")] in products_used])
    rh, redemptions = rows(src, "coupon_redemptions")
    write(dst, "coupon_redemptions", rh, [r for r in redemptions if r[rh.index("household_id")] in households])


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
