#!/usr/bin/env python3
"""Cost per word of each stage, from the last `cargo bench --bench stages`.

Reads criterion's estimates (target/criterion/stages/<stage>/<words>/new/)
and prints the mean time per word at each size, and the 1M-word figure over
the 10k one: a stage is linear when that ratio stays near 1 (the target is at
most 1.2). Exits 1 when a stage's ratio is over the limit given (default 1.2).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "target" / "criterion" / "stages"
STAGES = [
    "prose",
    "actors",
    "statements",
    "rules-attribution",
    "rules-references",
    "suppression",
    "analysis",
]
SIZES = [10_000, 100_000, 1_000_000]


def per_word(stage, words):
    path = ROOT / stage / str(words) / "new" / "estimates.json"
    if not path.exists():
        return None
    estimates = json.loads(path.read_text())
    return estimates["mean"]["point_estimate"] / words


def main():
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 1.2
    print(f"{'stage':<20}" + "".join(f"{w:>12,}" for w in SIZES) + f"{'1M / 10k':>10}")
    over = []
    for stage in STAGES:
        costs = [per_word(stage, w) for w in SIZES]
        cells = "".join(f"{c:>9.1f} ns" if c is not None else f"{'-':>12}" for c in costs)
        ratio = costs[2] / costs[0] if costs[0] and costs[2] else None
        print(f"{stage:<20}{cells}{ratio:>10.2f}" if ratio else f"{stage:<20}{cells}")
        if ratio and ratio > limit:
            over.append(stage)
    if over:
        print(f"over {limit}: {', '.join(over)}")
        sys.exit(1)


if __name__ == "__main__":
    main()
