#!/usr/bin/env python3
"""Blind-4 test-data generator for BreachScope: five synthetic cases shaped like docs/cases.md.

    python3 gen.py --seed 301 --out DIR [--cases 1,3] [--no-check]

Writes DIR/case1_allium_loyalty … DIR/case5_pharmacy_accounts, each with leak/ and truth.json (format read by
scripts/blind/score.py).  Same seed -> same bytes.  Self-checks run before writing; exit 1 on any failure.
Standard library only; synthetic data only.
"""
import argparse
import io
import os
import random
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import case1  # noqa: E402
import case2  # noqa: E402
import case3  # noqa: E402
import case4  # noqa: E402
import case5  # noqa: E402

BUILDERS = {1: case1.build, 2: case2.build, 3: case3.build, 4: case4.build, 5: case5.build}


def check_archives(c):
    errs = []
    for rel, (data, enc) in c.files.items():
        if rel.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                names = set(z.namelist())
                for v, txt in c.virtual.items():
                    if v.startswith(rel + "!/"):
                        m = v[len(rel) + 2:]
                        if m not in names or z.read(m).decode("utf-8") != txt:
                            errs.append(f"archive member {v} missing or different")
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    ap.add_argument("--no-check", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    bad = 0
    for k in [int(x) for x in a.cases.split(",") if x]:
        rng = random.Random(a.seed * 1000 + k)
        c = BUILDERS[k](rng)
        errs = [] if a.no_check else c.check() + check_archives(c)
        t = c.truth()
        print(f"{c.folder}: {len(c.files)} files, {len(c.persons)} persons, per element {t['expected']['per_element']}")
        if t.get("batches"):
            for b, v in t["batches"].items():
                print(f"   {b}: new {len(v['new'])}, known-with-new-elements {len(v['known_with_new_elements'])}, cumulative {v['cumulative']}")
        if errs:
            bad += 1
            print(f"  SELF-CHECK FAILED ({len(errs)}):")
            for e in errs[:25]:
                print("   ", e)
        c.write(a.out)
    if bad:
        print(f"self-checks failed in {bad} case(s)")
        sys.exit(1)
    print("self-checks passed" if not a.no_check else "self-checks skipped")


if __name__ == "__main__":
    main()
