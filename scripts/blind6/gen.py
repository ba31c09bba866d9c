#!/usr/bin/env python3
"""blind6: independent blind test-data generator for BreachScope (standard library only).

    python3 scripts/blind6/gen.py --seed 501 --out .build-blind6/seed501 [--cases 1,3]

Writes <out>/case<N>_<slug>/leak/... and <out>/case<N>_<slug>/truth.json.  Same seed -> same bytes.
Self-checks run before anything is written; on failure the script prints the problems and exits 1.
"""
import argparse
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import check  # noqa: E402
import case1  # noqa: E402
import case2  # noqa: E402
import case3  # noqa: E402
import case4  # noqa: E402
import case5  # noqa: E402

CASES = {1: ("case1_ee_loyalty_crm", case1), 2: ("case2_ee_genetics_fhir", case2), 3: ("case3_fi_logistics_edi", case3),
         4: ("case4_pl_lab_batches_astm", case4), 5: ("case5_us_pharmacy_migration", case5)}


def reference_selftest():
    errs = []
    good = {"ee_isikukood": ["37605030299", "38001085718"], "lv_personas_kods": ["161175-19997"],
            "fi_hetu": ["131052-308T", "010594Y123W"], "se_personnummer": ["811218-9876"],
            "pl_pesel": ["44051401359", "02070803628"], "uk_nhs_number": ["9434765919"],
            "iban": ["GB82WEST12345698765432", "EE382200221020145685", "PL61109010140000071219812874"],
            "payment_card": ["4111111111111111"], "no_fodselsnummer": ["01010750160"], "dk_cpr": ["070761-4285"]}
    for t, vs in good.items():
        for v in vs:
            if not check.VALIDATORS[t](v):
                errs.append(f"validator {t} rejects reference {v}")
    for t, v in [("pl_pesel", "44051401358"), ("ee_isikukood", "37605030298"), ("fi_hetu", "131052-308U")]:
        if check.VALIDATORS[t](v):
            errs.append(f"validator {t} accepts bad {v}")
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    a = ap.parse_args()
    errs = reference_selftest()
    if errs:
        print("\n".join(errs), file=sys.stderr)
        sys.exit(1)
    wanted = [int(x) for x in a.cases.split(",") if x.strip()]
    built = []
    for n in wanted:
        slug, mod = CASES[n]
        t0 = time.time()
        rng = random.Random(a.seed * 1000 + n)
        case, truth = mod.build(rng, slug)
        errs = check.self_check(case)
        if errs:
            print(f"{slug}: {len(errs)} self-check failures:", file=sys.stderr)
            print("\n".join("  " + e for e in errs[:40]), file=sys.stderr)
            sys.exit(1)
        built.append((slug, case, truth, time.time() - t0))
    os.makedirs(a.out, exist_ok=True)
    for slug, case, truth, sec in built:
        d = os.path.join(a.out, slug)
        if os.path.exists(d):
            shutil.rmtree(d)
        case.write(d, truth)
        print(f"{slug}: {truth['files']} documents, {truth['expected']['persons']} persons, "
              f"{len(truth['decoys'])} decoys ({sec:.1f} s)")


if __name__ == "__main__":
    main()
