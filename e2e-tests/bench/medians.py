#!/usr/bin/env python3
"""Medians of nfs-vs-ganesha.sh's rounds (the warm-up round is left out), as a markdown table.

    e2e-tests/bench/nfs-vs-ganesha.sh 512 2000 3 | tee bench.log
    e2e-tests/bench/medians.py bench.log

Rates are medians per server; "cpu" columns are the servers' CPU per operation in microseconds
(all of a server's processes, from the benches' -Ddittofs.bench.server-pid), which a loaded or
noisy machine disturbs far less than a rate. Ratios: embedded / Ganesha and separate / embedded
for rates; Ganesha's CPU / ours for CPU (above 1: we spend less CPU per operation than Ganesha).
"""
import re
import statistics
import sys
from collections import defaultdict

ROUND = re.compile(r"^(\S+) run \d+: (.*)$")
PATTERNS = [
    ("nfs-cp write MiB/s", r"\bwrite ([\d.]+) MiB/s", None),
    ("nfs-cp read MiB/s", r"\bread ([\d.]+) MiB/s", None),
    ("create ops/s", r"\bcreate=([\d.]+) ops/s", r"\bcreate cpu=([\d.]+) us/op"),
    ("stat ops/s", r"\bstat=([\d.]+) ops/s", r"\bstat cpu=([\d.]+) us/op"),
    ("remove ops/s", r"\bremove=([\d.]+) ops/s", r"\bremove cpu=([\d.]+) us/op"),
    ("NULL calls/s", r"\bnull=([\d.]+) calls/s", r"\bnull-cpu=([\d.]+) us/op"),
    ("GETATTR calls/s", r"\bgetattr=([\d.]+) calls/s", r"\bgetattr-cpu=([\d.]+) us/op"),
]
for depth in (1, 8):
    for kind, word in (("read", "read"), ("write", "write")):
        PATTERNS.append((f"rand {word} 4 KiB @{depth} IOPS", rf"\brand{kind}4k@{depth}=([\d.]+) IOPS",
                         rf"\brand{kind}4k@{depth}=[\d.]+ IOPS cpu=([\d.]+) us/op"))


def parse(lines):
    rates = defaultdict(lambda: defaultdict(list))
    cpus = defaultdict(lambda: defaultdict(list))
    last = None
    for line in lines:
        m = ROUND.match(line.strip())
        if m:
            last, text = m.group(1), m.group(2)
        elif last and line.startswith("server cpu:"):
            text = line  # MetadataBench's second line carries no prefix
        else:
            last = None if not line.startswith(" ") else last
            continue
        if "nfs4" in text or text.startswith("v3 ") or text.startswith("v4"):
            continue  # VersionBench lines have their own table
        for name, rate_re, cpu_re in PATTERNS:
            r = re.search(rate_re, text)
            if r and not text.startswith("server cpu:"):
                rates[name][last].append(float(r.group(1)))
            if cpu_re:
                c = re.search(cpu_re, text)
                if c:
                    cpus[name][last].append(float(c.group(1)))
    return rates, cpus


def med(values):
    return statistics.median(values) if values else None


def fmt(v):
    return "–" if v is None else (f"{v:.0f}" if v >= 100 else f"{v:.1f}")


def ratio(a, b):
    return "–" if a is None or b is None or b == 0 else f"{a / b:.2f}"


def main():
    lines = open(sys.argv[1]).read().splitlines() if len(sys.argv) > 1 else sys.stdin.read().splitlines()
    rates, cpus = parse(lines)
    servers = [s for s in ("dittofs", "dittofs-separate", "dittofs-s3", "ganesha")
               if any(s in rates[n] for n in rates)]
    print("| figure | " + " | ".join(servers) + " | emb/ganesha | sep/emb | cpu µs/op: " + " / ".join(servers)
          + " | cpu ganesha/emb |")
    print("|---|" + "---:|" * (len(servers) + 4))
    for name, _, _ in PATTERNS:
        r = {s: med(rates[name].get(s, [])) for s in servers}
        c = {s: med(cpus[name].get(s, [])) for s in servers}
        print(f"| {name} | " + " | ".join(fmt(r[s]) for s in servers)
              + f" | {ratio(r.get('dittofs'), r.get('ganesha'))} | {ratio(r.get('dittofs-separate'), r.get('dittofs'))}"
              + " | " + " / ".join(fmt(c[s]) for s in servers)
              + f" | {ratio(c.get('ganesha'), c.get('dittofs'))} |")


if __name__ == "__main__":
    main()
