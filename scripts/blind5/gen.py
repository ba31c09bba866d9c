#!/usr/bin/env python3
"""Blind test-data generator #5 for BreachScope (standard library only).

  python3 scripts/blind5/gen.py --seed 401 --out .build-blind5/seed401 [--cases 1,3]

Writes <out>/case<N>_<slug>/leak/... and <out>/case<N>_<slug>/truth.json in the format read by
scripts/blind/score.py.  Every case is self-checked before anything is written; a failed check exits 1.
"""
import argparse
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import case1  # noqa: E402
import case2  # noqa: E402
import case3  # noqa: E402
import case4  # noqa: E402
import case5  # noqa: E402
from check import self_check  # noqa: E402

BUILDERS = {1: case1.build, 2: case2.build, 3: case3.build, 4: case4.build, 5: case5.build}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    a = ap.parse_args()
    wanted = [int(x) for x in a.cases.split(",") if x.strip()]
    built = []
    failed = False
    for k in wanted:
        t0 = time.time()
        rng = random.Random(a.seed * 1000 + k)
        case = BUILDERS[k](rng)
        case.finalize()
        errs = self_check(case)
        if errs:
            failed = True
            print(f"{case.key}: SELF-CHECK FAILED ({len(errs)} problems)", file=sys.stderr)
            for e in errs[:25]:
                print("  " + e, file=sys.stderr)
        built.append((case, time.time() - t0))
    if failed:
        sys.exit(1)
    os.makedirs(a.out, exist_ok=True)
    for case, sec in built:
        cdir = os.path.join(a.out, case.key)
        if os.path.isdir(cdir):
            shutil.rmtree(cdir)
        n = case.write(a.out)
        size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(os.path.join(cdir, "leak")) for f in fs)
        print(f"{case.key}: {len(case.persons)} persons, {n} files, {size / 1e6:.2f} MB, {len(case.decoys)} decoys, "
              f"self-check ok ({sec:.1f} s)")


if __name__ == "__main__":
    main()
