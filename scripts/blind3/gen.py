#!/usr/bin/env python3
"""Blind test data for BreachScope, third generator (independent of the tool).

    python3 gen.py --seed N --out DIR [--cases 1,2,...]

writes DIR/case1_loyalty_ee/{leak/,truth.json} ... DIR/case5_mailorder_us/{leak/,truth.json}.
Standard library only; the same seed gives the same bytes. See README.md.
"""
import argparse
import json
import os
import random
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import re  # noqa: E402

import ids  # noqa: E402
import case1  # noqa: E402
import case2  # noqa: E402
import case3  # noqa: E402
import case4  # noqa: E402
import case5  # noqa: E402

CASES = [
    (1, "case1_loyalty_ee", case1),
    (2, "case2_genetics_ee", case2),
    (3, "case3_homedelivery_fi", case3),
    (4, "case4_lab_batches_pl", case4),
    (5, "case5_mailorder_us", case5),
]


VALID = {"ee_isikukood": ids.ee_valid, "lt_asmens_kodas": ids.lt_valid, "lv_personas_kods": ids.lv_valid, "fi_hetu": ids.fi_valid,
         "se_personnummer": ids.se_valid, "no_fodselsnummer": ids.no_valid, "dk_cpr": ids.dk_valid, "pl_pesel": ids.pesel_valid,
         "uk_nhs_number": ids.nhs_valid, "us_ssn": ids.ssn_valid, "iban": ids.iban_valid, "payment_card": ids.luhn_ok,
         "loyalty_card": ids.ean13_valid,
         "email": lambda v: re.fullmatch(r"[a-z0-9._+\-]+@([a-z0-9\-]+\.)*(example\.(com|net|org|ee|fi|pl)|[a-z0-9\-]+\.test)", v) is not None,
         "phone": lambda v: re.fullmatch(r"\+[1-9]\d{7,14}", v) is not None}


def validate_ids(truth):
    """Every identifier in the truth passes its checksum / format (reserved e-mail domains only)."""
    errs = []
    for p in truth["persons"]:
        for i in p["identifiers"]:
            if not VALID[i["type"]](i["value"]):
                errs.append(f"{p['tid']}: invalid {i['type']} {i['value']}")
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="")
    a = ap.parse_args()
    ids.selftest()
    want = {int(x) for x in a.cases.split(",") if x}
    os.makedirs(a.out, exist_ok=True)
    failed = False
    for num, name, mod in CASES:
        if want and num not in want:
            continue
        rng = random.Random(f"blind3-{a.seed}-{num}")
        cdir = os.path.join(a.out, name)
        if os.path.exists(cdir):
            shutil.rmtree(cdir)
        leak, truth, errs = mod.generate(rng, a.out, name)
        errs += validate_ids(truth)
        leak.write()
        with open(os.path.join(cdir, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
        per = truth["expected"]["per_element"]
        print(f"{name}: {truth['files']} files ({truth['documents']} documents), {truth['expected']['persons']} persons, "
              f"{len(truth['decoys'])} decoys; " + ", ".join(f"{k} {v}" for k, v in per.items()))
        for e in errs[:30]:
            print("   SELF-CHECK:", e)
        if errs:
            failed = True
            print(f"   {len(errs)} self-check errors")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
