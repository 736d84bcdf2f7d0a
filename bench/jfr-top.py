#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples (jdk.ExecutionSample): samples per thread group, the hottest frames by
self time, inclusive shares of chosen methods, and each sample attributed to the innermost chosen method on its stack
("own": what that part costs apart from the chosen parts it calls). With --alloc it weighs allocation samples
(jdk.ObjectAllocationSample) by the bytes they stand for instead. Usage: jfr-top.py [--alloc] recording.jfr [substring ...]"""
import collections
import json
import re
import subprocess
import sys

args = sys.argv[1:]
alloc = "--alloc" in args
args = [a for a in args if a != "--alloc"]
rec = args[0]
marks = args[1:]
event = "jdk.ObjectAllocationSample" if alloc else "jdk.ExecutionSample"
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", event, rec],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)["recording"]["events"]
threads = collections.Counter()
self_frames = collections.Counter()
inclusive = collections.Counter()
own = collections.Counter()
for e in events:
    v = e["values"]
    weight = v["weight"] if alloc else 1
    thread = v.get("eventThread") if alloc else v.get("sampledThread")
    name = (thread or {}).get("javaName") or "?"
    threads[re.sub(r"[-#]?\d+$", "", name)] += weight
    frames = [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in (v["stackTrace"] or {"frames": []})["frames"]]
    if frames:
        self_frames[frames[0]] += weight
    innermost = next((m for f in frames for m in marks if m in f), "(none of these)")
    own[innermost] += weight
    seen = set()
    for f in frames:
        for m in marks:
            if m in f and m not in seen:
                seen.add(m)
                inclusive[m] += weight
total = sum(threads.values())
print(f"{len(events)} samples" + (f", {total / 2**20:,.0f} MiB allocated" if alloc else ""))
print("by thread:")
for t, n in threads.most_common(15):
    print(f"  {n / total:6.1%}  {t}")
print("hottest frames (self):")
for f, n in self_frames.most_common(25):
    print(f"  {n / total:6.1%}  {f}")
if marks:
    print("inclusive:")
    for m in marks:
        print(f"  {inclusive[m] / total:6.1%}  {m}")
    print("own (innermost chosen method on the stack):")
    for m, n in own.most_common():
        print(f"  {n / total:6.1%}  {m}")
