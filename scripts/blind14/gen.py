#!/usr/bin/env python3
"""blind14: an independent blind test-data generator for BreachScope (five cases shaped like shared/docs/cases.md).

Usage:  python3 scripts/blind14/gen.py --seed 1301 --out .build-blind14/seed1301 [--cases 1,3] [--no-repeat]
Writes <out>/case<N>_<slug>/leak/... and <out>/case<N>_<slug>/truth.json; nothing is written unless every
self-check of every requested case passes.
"""
import argparse
import datetime
import importlib.util
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import case1  # noqa: E402
import case2  # noqa: E402
import case3  # noqa: E402
import case4  # noqa: E402
import case5  # noqa: E402
from common import VALIDATORS, gen_ssn, mistype  # noqa: E402
from shared import check, ids  # noqa: E402

CASES = {1: case1, 2: case2, 3: case3, 4: case4, 5: case5}


def _load_score():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "blind", "score.py")
    spec = importlib.util.spec_from_file_location("blind14_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def perfect_score_check(truth):
    """score.evaluate on a 'perfect' found list built from the truth itself: every person must match, no element errors."""
    score = _load_score()
    found = [{"person": "F" + p["tid"], "identifiers": p["identifiers"], "name": p["name"], "elements": list(p["elements"]),
              "documents": sorted({s.rsplit(" [", 1)[0] for v in p["provenance"].values() for s in v})}
             for p in truth["persons"]]
    ev = score.evaluate(truth, found)
    errs = []
    if len(ev["correct"]) != len(truth["persons"]):
        bad = [p["tid"] for n, p in enumerate(truth["persons"]) if n not in ev["correct"]]
        errs.append(f"perfect found list: only {len(ev['correct'])}/{len(truth['persons'])} persons correct (e.g. {bad[:5]})")
    for e, d in ev["elements"].items():
        if d["fp"] or d["fn"]:
            errs.append(f"perfect found list: element {e} fp {d['fp']} fn {d['fn']}")
        if d["truth_distinct"] != d["tp"]:
            errs.append(f"perfect found list: element {e} expected.per_element {d['truth_distinct']} != tp {d['tp']}")
    for k, d in ev["decoys"].items():
        if k in ev["index"]:
            errs.append(f"decoy {d['value']} ({d['kind']}) collides with a truth identifier")
    return errs


def validator_selftest():
    errs = []
    good = {"ee_isikukood": ["37605030299", "38001085718"], "lt_asmens_kodas": ["38703181745"],
            "fi_hetu": ["131052-308T"], "pl_pesel": ["44051401359", "02070803628"],
            "lv_personas_kods": ["161175-19997"], "us_ssn": ["536-22-8726"],
            "iban": ["GB82WEST12345698765432", "FI2112345600000785", "EE382200221020145685"],
            "payment_card": ["4111111111111111"], "loyalty_card": ["4006381333931"]}
    for t, vs in good.items():
        for v in vs:
            if not VALIDATORS[t](v):
                errs.append(f"validator {t} rejects reference {v}")
            if t == "us_ssn":
                continue
            bad = v[:-1] + str((int(v[-1]) + 1) % 10) if v[-1].isdigit() else v[:-1] + "A"
            if VALIDATORS[t](bad):
                errs.append(f"validator {t} accepts altered {bad}")
    for bad in ("078-05-1120", "666-12-3456", "000-12-3456", "912-34-5678", "123-00-4567"):
        if VALIDATORS["us_ssn"](bad):
            errs.append(f"SSN validator accepts {bad}")
    rng = random.Random("blind14-validators")
    for _ in range(300):
        d = ids.rand_date(rng, 1930, 2022)
        for t, v in (("ee_isikukood", ids.ee_like(rng, d, rng.random() < 0.5)), ("fi_hetu", ids.fi_hetu(rng, d)),
                     ("fi_hetu", ids.fi_hetu(rng, max(d, datetime.date(2000, 1, 1)), True)),
                     ("pl_pesel", ids.pl_pesel(rng, d, rng.random() < 0.5)), ("lv_personas_kods", ids.lv_old(rng, d)),
                     ("lv_personas_kods", ids.lv_new(rng)), ("us_ssn", gen_ssn(rng)),
                     ("iban", ids.iban(rng, rng.choice(["FI", "PL", "EE"]))), ("loyalty_card", ids.ean13("2900", rng))):
            if not VALIDATORS[t](v):
                errs.append(f"generated {t} {v} fails its validator")
        v = ids.pl_pesel(rng, d, True)
        m = mistype(rng, v)
        if m is None or check.any_person_id(m):
            errs.append(f"mistyped {v} -> {m} still passes")
    return errs


def build_case(n, seed):
    rng = random.Random(f"blind14-{seed}-case{n}")
    c = CASES[n].build(seed, rng)
    errs = c.self_check()
    truth = c.truth()
    errs += perfect_score_check(json.loads(json.dumps(truth, ensure_ascii=False)))
    return c, truth, errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1301)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    ap.add_argument("--no-repeat", action="store_true", help="skip the second build (determinism check)")
    a = ap.parse_args()
    nums = [int(x) for x in a.cases.split(",") if x.strip()]
    errors = validator_selftest()
    built = []
    for n in nums:
        c, truth, errs = build_case(n, a.seed)
        errors += [f"case{n}: {e}" for e in errs]
        if not a.no_repeat:
            c2, truth2, _ = build_case(n, a.seed)
            if list(c.files) != list(c2.files) or any(c.files[k] != c2.files[k] for k in c.files):
                errors.append(f"case{n}: a second build gives different bytes")
            if json.dumps(truth, ensure_ascii=False) != json.dumps(truth2, ensure_ascii=False):
                errors.append(f"case{n}: a second build gives a different truth")
        built.append((n, c, truth))
    if errors:
        print(f"{len(errors)} self-check failures:", file=sys.stderr)
        for e in errors[:60]:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    for n, c, truth in built:
        cdir = os.path.join(a.out, truth["case"])
        if os.path.isdir(cdir):
            shutil.rmtree(cdir)
        for path, data in c.files.items():
            fp = os.path.join(cdir, "leak", path)
            os.makedirs(os.path.dirname(fp), exist_ok=True)
            with open(fp, "wb") as fh:
                fh.write(data)
        with open(os.path.join(cdir, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        per = truth["expected"]["per_element"]
        print(f"{truth['case']}: {truth['expected']['persons']} persons, {truth['files']} files, "
              f"{truth['documents']} documents, {len(truth['decoys'])} decoys; " +
              ", ".join(f"{k} {v}" for k, v in per.items()))
        if "batches" in truth:
            for b, tb in truth["batches"].items():
                print(f"    {b}: new {len(tb['new'])}, known with new elements {len(tb['known_with_new_elements'])}, "
                      f"unchanged {len(tb['unchanged'])}, cumulative {tb['cumulative']}")


if __name__ == "__main__":
    main()
