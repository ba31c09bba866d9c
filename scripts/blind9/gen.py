#!/usr/bin/env python3
"""blind9: independent blind test-data generator for BreachScope (standard library only).

    python3 scripts/blind9/gen.py --seed 801 --out .build-blind9/seed801 [--cases 1,3] [--no-repeat]
"""
import argparse
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from shared import check, ids  # noqa: E402
import case1  # noqa: E402
import case2  # noqa: E402
import case3  # noqa: E402
import case4  # noqa: E402
import case5  # noqa: E402

CASES = {1: case1.build, 2: case2.build, 3: case3.build, 4: case4.build, 5: case5.build}


def validator_selftest():
    good = {"ee_isikukood": "37605030299", "fi_hetu": "131052-308T", "lv_personas_kods": "161175-19997", "pl_pesel": "44051401359",
            "iban": "GB82WEST12345698765432", "payment_card": "4111111111111111", "loyalty_card": "4006381333931"}
    errs = []
    for t, v in good.items():
        if not check.VALIDATORS[t](v):
            errs.append(f"validator {t} rejects reference {v}")
        bad = v[:-1] + ("0" if v[-1] != "0" else "1")
        if check.VALIDATORS[t](bad):
            errs.append(f"validator {t} accepts altered {bad}")
    return errs


def render(n, seed):
    c = CASES[n](seed)
    errs = c.self_check()
    truth = c.truth()
    blob = json.dumps(truth, ensure_ascii=False, indent=1)
    return c, truth, blob, errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    ap.add_argument("--no-repeat", action="store_true", help="skip the determinism check (second build)")
    a = ap.parse_args()
    errs = validator_selftest()
    if errs:
        print("\n".join(errs))
        sys.exit(1)
    t0 = time.time()
    failed = False
    for n in [int(x) for x in a.cases.split(",") if x]:
        t1 = time.time()
        c, truth, blob, errs = render(n, a.seed)
        if not a.no_repeat:
            c2, truth2, blob2, _ = render(n, a.seed)
            if blob2 != blob or c2.disk != c.disk:
                diff = [k for k in sorted(set(c.disk) | set(c2.disk)) if c.disk.get(k) != c2.disk.get(k)]
                errs.append(f"not deterministic: truth {'differs' if blob2 != blob else 'same'}, files differ: {diff[:5]}")
        folder = os.path.join(a.out, truth["case"])
        if errs:
            failed = True
            print(f"case{n}: {len(errs)} self-check errors:")
            for e in errs[:40]:
                print("   ", e)
            continue
        if os.path.isdir(folder):
            shutil.rmtree(folder)
        for rel, data in c.disk.items():
            path = os.path.join(folder, "leak", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        with open(os.path.join(folder, "truth.json"), "w", encoding="utf-8") as fh:
            fh.write(blob + "\n")
        pe = truth["expected"]["per_element"]
        ids_n = sum(len(p["occurrences"]) for p in truth["persons"])
        print(f"case{n} {truth['case']}: {truth['files']} files, {len(truth['documents'])} documents, "
              f"{truth['expected']['persons']} persons, {ids_n} identifier occurrences, {len(truth['decoys'])} decoys, "
              f"{time.time() - t1:.1f} s{'' if a.no_repeat else ' (built twice, identical)'}")
        print("    per element: " + ", ".join(f"{k} {v}" for k, v in pe.items()))
        if "batches" in truth:
            for b, bt in truth["batches"].items():
                print(f"    {b}: new {len(bt['new'])}, known with new elements {len(bt['known_with_new_elements'])}, "
                      f"unchanged {len(bt['unchanged'])}, cumulative {bt['cumulative']}")
    print(f"done in {time.time() - t0:.1f} s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
