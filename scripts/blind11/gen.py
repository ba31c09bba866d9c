#!/usr/bin/env python3
"""blind11: an independent blind test-data generator for BreachScope (standard library only).

Usage:  python3 scripts/blind11/gen.py --seed S --out DIR [--cases 1,3] [--no-repeat]

Writes DIR/case<N>_<slug>/leak/... and DIR/case<N>_<slug>/truth.json in the truth format that
scripts/blind/score.py reads.  Nothing is written unless every self-check of every requested case passes.
"""
import argparse
import json
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from shared import check, ids  # noqa: E402
import importlib  # noqa: E402

CASES = {n: f"case{n}" for n in range(1, 6)}


def validator_selftest():
    """The validators accept published reference numbers and reject altered ones; generators agree with them."""
    import random

    good = [("ee_isikukood", "37605030299"), ("ee_isikukood", "38001085718"), ("lv_personas_kods", "161175-19997"),
            ("fi_hetu", "131052-308T"), ("pl_pesel", "44051401359"),
            ("pl_pesel", "02070803628"), ("iban", "EE382200221020145685"), ("iban", "FI2112345600000785"),
            ("iban", "PL61109010140000071219812874"), ("loyalty_card", "4006381333931"), ("payment_card", "4111111111111111")]
    errs = []
    for t, v in good:
        if not check.VALIDATORS[t](v):
            errs.append(f"validator {t} rejects reference {v}")
        w = v[:-1] + str((int(v[-1]) + 1) % 10) if v[-1].isdigit() else v[:-1] + ("A" if v[-1] != "A" else "B")
        if check.VALIDATORS[t](w):
            errs.append(f"validator {t} accepts altered {w}")
    rng = random.Random("blind11-selftest")
    for _ in range(300):
        d = ids.rand_date(rng, 1930, 2022)
        for t, v in (("ee_isikukood", ids.ee_like(rng, d, rng.random() < 0.5)), ("fi_hetu", ids.fi_hetu(rng, d, rng.random() < 0.3)),
                     ("pl_pesel", ids.pl_pesel(rng, d, rng.random() < 0.5)), ("lv_personas_kods", ids.lv_old(rng, d)),
                     ("iban", ids.iban(rng, rng.choice(["EE", "FI", "PL"]))), ("loyalty_card", ids.ean13("2900", rng))):
            if not check.VALIDATORS[t](v):
                errs.append(f"generated {t} {v} fails its validator")
    return errs


def build(n, seed):
    c = importlib.import_module(CASES[n]).build(seed)
    errs = c.self_check()
    truth = c.truth()
    return c, truth, errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    ap.add_argument("--no-repeat", action="store_true", help="skip the second build that checks determinism")
    a = ap.parse_args()
    t0 = time.time()
    errs = validator_selftest()
    if errs:
        print("validator self-test failed:\n  " + "\n  ".join(errs[:20]), file=sys.stderr)
        return 1
    wanted = [int(x) for x in a.cases.split(",") if x.strip()]
    built = []
    failed = False
    for n in wanted:
        c, truth, errs = build(n, a.seed)
        tj = json.dumps(truth, ensure_ascii=False, indent=1)
        if not a.no_repeat:
            c2, truth2, _ = build(n, a.seed)
            if list(c2.files.items()) != list(c.files.items()):
                errs.append("second build gave different files")
            if json.dumps(truth2, ensure_ascii=False, indent=1) != tj:
                errs.append("second build gave a different truth")
        if errs:
            failed = True
            print(f"case{n}: {len(errs)} self-check failures:", file=sys.stderr)
            for e in errs[:40]:
                print("  " + e, file=sys.stderr)
        built.append((c, truth, tj))
    if failed:
        print("nothing written", file=sys.stderr)
        return 1
    for c, truth, tj in built:
        cdir = os.path.join(a.out, f"case{c.n}_{c.slug}")
        if os.path.isdir(cdir):
            shutil.rmtree(cdir)
        for path, data in c.files.items():
            full = os.path.join(cdir, "leak", path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as fh:
                fh.write(data)
        with open(os.path.join(cdir, "truth.json"), "w", encoding="utf-8") as fh:
            fh.write(tj + "\n")
        ex = truth["expected"]
        print(f"case{c.n}_{c.slug}: {len(c.files)} files, {truth['documents']} documents, {ex['persons']} persons, "
              f"{len(truth['decoys'])} decoys; per element {ex['per_element']}")
        if "batches" in truth:
            for b, tb in truth["batches"].items():
                print(f"   {b}: new {len(tb['new'])}, known with new elements {len(tb['known_with_new_elements'])}, "
                      f"unchanged {len(tb['unchanged'])}, cumulative {tb['cumulative']}")
    print(f"self-checks passed{'' if a.no_repeat else ', determinism checked'}; {time.time() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
