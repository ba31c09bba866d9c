#!/usr/bin/env python3
"""blind10: an independent blind test-data generator for BreachScope (standard library only).

    python3 scripts/blind10/gen.py --seed 901 --out /tmp/b10-901 [--cases 1,3] [--no-repeat]

Writes <out>/case<N>_<slug>/leak/... and <out>/case<N>_<slug>/truth.json in the format scripts/blind/score.py reads.
Self-checks run before anything is written; on failure the script exits 1 and writes nothing.
"""
import argparse
import os
import shutil
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
import case1  # noqa: E402
import case2  # noqa: E402
import case3  # noqa: E402
import case4  # noqa: E402
import case5  # noqa: E402

CASES = {1: case1, 2: case2, 3: case3, 4: case4, 5: case5}


def build(num, seed):
    mod = CASES[num]
    c = common.Case(num, mod.SLUG, seed, mod.DESCRIPTION)
    mod.build(c)
    return c


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="")
    ap.add_argument("--no-repeat", action="store_true", help="skip the second build that checks determinism")
    a = ap.parse_args()
    nums = [int(x) for x in a.cases.split(",") if x.strip()] or sorted(CASES)
    errs = common.self_test()
    if errs:
        print("validator self-test failed:\n  " + "\n  ".join(errs))
        return 1
    results = []
    failed = False
    for n in nums:
        t0 = time.time()
        c = build(n, a.seed)
        errs = common.self_check(c)
        root, files = c.write(a.out)
        if not a.no_repeat:
            c2 = build(n, a.seed)
            _, files2 = c2.write(a.out)
            if sorted(files) != sorted(files2):
                errs.append("determinism: the second build has other files")
            else:
                for k in sorted(files):
                    if files[k] != files2[k]:
                        errs.append(f"determinism: {k} differs between two builds")
        if errs:
            failed = True
            print(f"case{n}: {len(errs)} self-check errors:")
            for e in errs[:40]:
                print("  " + e)
        results.append((n, c, root, files, time.time() - t0))
    if failed:
        print("nothing written")
        return 1
    for n, c, root, files, sec in results:
        if os.path.isdir(root):
            shutil.rmtree(root)
        for rel, data in sorted(files.items()):
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        t = c.truth()
        pe = t["expected"]["per_element"]
        print(f"case{n}_{c.slug}: {t['expected']['persons']} persons, {t['files']} files, {len(t['documents'])} documents, "
              f"{len(t['decoys'])} decoys, {sec:.1f} s")
        print("   " + ", ".join(f"{k} {v}" for k, v in pe.items()))
        if "batches" in t:
            for b, d in t["batches"].items():
                print(f"   {b}: new {len(d['new'])}, known+new elements {len(d['known_with_new_elements'])}, "
                      f"unchanged {len(d['unchanged'])}, cumulative {d['cumulative']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
