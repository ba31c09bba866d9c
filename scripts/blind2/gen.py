#!/usr/bin/env python3
"""Second, independent blind-test generator for BreachScope (see README.md).

    python3 scripts/blind2/gen.py --seed N --out DIR [--cases 1,3]

writes DIR/<caseN_...>/leak/ and DIR/<caseN_...>/truth.json for the five cases of cases.md,
in the truth format scripts/blind/score.py reads.  Python 3 standard library only."""
import argparse
import os
import random
import sys

sys.dont_write_bytecode = True          # keep the repository free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import self_check  # noqa: E402
import case1, case2, case3, case4, case5  # noqa: E402,E401


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    a = ap.parse_args()
    self_check()
    os.makedirs(a.out, exist_ok=True)
    for k, mod in ((1, case1), (2, case2), (3, case3), (4, case4), (5, case5)):
        if str(k) not in a.cases.split(","):
            continue
        rng = random.Random(a.seed * 1009 + k)
        t = mod.make(rng, a.out)
        ex = t["expected"]
        print(f"{t['case']:<32} files {t['files']:>5}  persons {ex['persons']:>4}  " +
              ", ".join(f"{e} {n}" for e, n in ex["per_element"].items()))


if __name__ == "__main__":
    main()
