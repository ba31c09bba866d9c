#!/usr/bin/env python3
"""blind7: an independent blind test-data generator for BreachScope (standard library only).

    python3 scripts/blind7/gen.py --seed 601 --out .build-blind7/seed601 [--cases 1,3] [--no-repeat] [--pdftotext]

Writes <out>/case<N>_<slug>/leak/… and truth.json for each case. Before anything is written it runs the
validator self-test, builds every case, runs the self-checks and (unless --no-repeat) builds every case a second
time and compares the bytes, so the same seed always gives the same output. Exit 1 when any check fails.
"""
import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import common  # noqa: E402
from shared import check, ids  # noqa: E402

CASES = {1: "case1", 2: "case2", 3: "case3", 4: "case4", 5: "case5"}


def validator_selftest():
    """The validators accept published reference numbers and reject altered ones."""
    good = [(check.v_ee, "37605030299"), (check.v_ee, "38001085718"), (check.v_fi, "131052-308T"),
            (check.v_se, "811218-9876"), (check.v_pl, "44051401359"),
            (check.v_pl, "02070803628"), (check.v_lv, "161175-19997"), (check.v_dk, "070761-4285"),
            (check.v_nhs, "9434765919"), (check.v_iban, "GB82WEST12345698765432"), (check.v_card, "4111111111111111"),
            (check.v_no, "01010750160")]
    bad = [(check.v_ee, "37605030298"), (check.v_fi, "131052-308U"), (check.v_se, "811218-9875"),
           (check.v_pl, "44051401358"), (check.v_lv, "161175-19996"), (check.v_nhs, "9434765918"),
           (check.v_iban, "GB82WEST12345698765433"), (check.v_card, "4111111111111112")]
    errs = [f"{f.__name__} rejects {v}" for f, v in good if not f(v)]
    errs += [f"{f.__name__} accepts {v}" for f, v in bad if f(v)]
    import random
    import datetime as dt
    r = random.Random(7)
    for _ in range(300):
        d = ids.rand_date(r, 1930, 2015)
        for f, v in ((check.v_ee, ids.ee_like(r, d, r.random() < .5)), (check.v_fi, ids.fi_hetu(r, d, r.random() < .3)),
                     (check.v_pl, ids.pl_pesel(r, d, r.random() < .5)), (check.v_lv, ids.lv_old(r, d)),
                     (check.v_se, ids.se_pnr(r, d)), (check.v_dk, ids.dk_cpr(r, d)),
                     (check.v_ean, ids.ean13("2900", r))):
            if not f(v):
                errs.append(f"{f.__name__} rejects generated {v}")
        if d.year < 2000:
            v = ids.no_fnr(r, d)
            if not check.v_no(v):
                errs.append(f"v_no rejects generated {v}")
    return errs


def build(num, seed):
    mod = importlib.import_module(CASES[num])
    case = mod.build(seed)
    files = case.file_bytes()
    truth = case.truth(getattr(case, "batches", None), getattr(case, "batch_published", None))
    return case, files, truth


def pdftotext_check(case, limit=25):
    """Optional: the PDFs' text as poppler's pdftotext reads it holds every value the truth cites from them."""
    if not shutil.which("pdftotext"):
        return ["pdftotext not installed"]
    errs = []
    pdfs = [d for d in case.docs.values() if d.kind == "pdf"]
    by = {}
    for p in case.persons:
        for o in p.occ:
            by.setdefault(o["file"], []).append(o["raw"])
        for parts, f in p.name_occ:
            by.setdefault(f, []).extend(parts)
    with tempfile.TemporaryDirectory() as tmp:
        for d in pdfs[:limit]:
            fn = os.path.join(tmp, "x.pdf")
            with open(fn, "wb") as fh:
                fh.write(d.data)
            txt = subprocess.run(["pdftotext", "-layout", fn, "-"], capture_output=True, text=True).stdout
            for raw in by.get(d.name, []):
                if raw not in txt:
                    errs.append(f"pdftotext: {raw!r} not in {d.name}")
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    ap.add_argument("--no-repeat", action="store_true", help="skip the second build that proves determinism")
    ap.add_argument("--pdftotext", action="store_true", help="also read some PDFs back with poppler's pdftotext")
    a = ap.parse_args()
    nums = [int(x) for x in a.cases.split(",") if x.strip()]
    t0 = time.time()
    errs = validator_selftest()
    built = []
    for num in nums:
        t = time.time()
        case, files, truth = build(num, a.seed)
        e = common.self_check(case)
        if a.pdftotext:
            e += pdftotext_check(case)
        if not a.no_repeat:
            _, files2, truth2 = build(num, a.seed)
            if common.digest(files) != common.digest(files2) or json.dumps(truth) != json.dumps(truth2):
                e.append("a second build with the same seed gave different bytes")
        errs += [f"case{num}: {x}" for x in e]
        built.append((case, files, truth))
        print(f"case{num}_{case.slug}: {truth['expected']['persons']} persons, {len(truth['decoys'])} decoys, "
              f"{truth['files']} files ({truth['documents']} documents), {sum(map(len, files.values())) / 1e6:.1f} MB, "
              f"{len(e)} check errors, {time.time() - t:.1f} s")
    if errs:
        for x in errs[:60]:
            print("CHECK FAILED:", x, file=sys.stderr)
        print(f"{len(errs)} self-check failures; nothing written", file=sys.stderr)
        sys.exit(1)
    for case, files, truth in built:
        cdir = os.path.join(a.out, f"case{case.num}_{case.slug}")
        if os.path.isdir(cdir):
            shutil.rmtree(cdir)
        common.write_case(a.out, case, files, truth)
    print(f"wrote {len(built)} cases to {a.out} in {time.time() - t0:.1f} s")


if __name__ == "__main__":
    main()
