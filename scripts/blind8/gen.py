#!/usr/bin/env python3
"""blind8: synthetic breach leaks shaped like the five cases of cases.md, with their truth.json.

  python3 scripts/blind8/gen.py --seed 701 --out .build-blind8/seed701 [--cases 1,3] [--no-repeat] [--pdftotext]

Each case is built in memory, self-checked (identifiers validate, every truth value is present in its document,
decoys fail, no identifier shared unless declared), built a second time and compared byte for byte (unless
--no-repeat), and only then written. Exit 1 on any failure.
"""
import argparse
import datetime
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import common  # noqa: E402
from shared import check  # noqa: E402
import case1, case2, case3, case4, case5  # noqa: E402,E401

CASES = {1: case1, 2: case2, 3: case3, 4: case4, 5: case5}


def validator_selftest():
    good = {"ee_isikukood": ["37605030299", "49403136526"], "pl_pesel": ["44051401359", "02070803628"],
            "fi_hetu": ["131052-308T"], "lv_personas_kods": ["161175-19997"], "iban": ["GB82WEST12345698765432", "EE382200221020145685"],
            "payment_card": ["4111111111111111"], "phone": ["+37251234567", "+358401234567", "+48601234567", "+13125550144"],
            "email": ["mari.tamm@example.com"]}
    bad = {"ee_isikukood": ["37605030298"], "pl_pesel": ["44051401358"], "fi_hetu": ["131052-308A"],
           "iban": ["GB82WEST12345698765433"], "payment_card": ["4111111111111112"], "phone": ["+3721234"]}
    errs = []
    for t, vs in good.items():
        for v in vs:
            if not common.valid(t, v):
                errs.append(f"validator rejects reference {t} {v}")
    for t, vs in bad.items():
        for v in vs:
            if common.valid(t, v):
                errs.append(f"validator accepts altered {t} {v}")
    if errs:
        raise common.SelfCheckError("; ".join(errs))


def build(n, seed):
    c = CASES[n].build(seed)
    nchecks = c.self_check()
    truth = common.dumps(c.truth()).encode("utf-8")
    return c, truth, nchecks


def digest(c, truth):
    h = hashlib.sha256()
    for k in sorted(c.files):
        h.update(k.encode() + b"\0" + c.files[k] + b"\0")
    h.update(truth)
    return h.hexdigest()


def pdftotext_check(c):
    if not shutil.which("pdftotext"):
        print("  pdftotext not installed; skipped")
        return
    pdfs = [k for k, d in c.docs.items() if d.kind == "pdf"]
    with tempfile.TemporaryDirectory() as tmp:
        for k in pdfs:
            src = os.path.join(tmp, "x.pdf")
            with open(src, "wb") as fh:
                fh.write(c.docs[k].data)
            out = subprocess.run(["pdftotext", "-layout", src, "-"], capture_output=True, text=True).stdout
            for doc, raw, what in c.checks:
                if doc == k and " ".join(raw.split()) not in " ".join(out.split()):
                    raise common.SelfCheckError(f"pdftotext: {raw!r} not in {k}")
    print(f"  pdftotext: {len(pdfs)} PDFs read back")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=701)
    ap.add_argument("--out", required=True)
    ap.add_argument("--cases", default="1,2,3,4,5")
    ap.add_argument("--no-repeat", action="store_true", help="skip the second build and byte comparison")
    ap.add_argument("--pdftotext", action="store_true", help="also read every PDF back with poppler's pdftotext")
    a = ap.parse_args()
    t0 = time.time()
    try:
        validator_selftest()
        wanted = [int(x) for x in a.cases.split(",") if x.strip()]
        built = []
        for n in wanted:
            t = time.time()
            c, truth, nchecks = build(n, a.seed)
            if not a.no_repeat:
                c2, truth2, _ = build(n, a.seed)
                if digest(c, truth) != digest(c2, truth2):
                    raise common.SelfCheckError(f"case{n}: a second build with the same seed differs")
            if a.pdftotext:
                pdftotext_check(c)
            built.append((c, truth))
            size = sum(len(b) for b in c.files.values())
            print(f"case{n}_{c.slug}: {len(c.files)} files, {len(c.docs)} documents, {len(c.live())} persons, "
                  f"{size:,} bytes, {nchecks} presence checks, {time.time() - t:.1f} s")
    except common.SelfCheckError as e:
        print("SELF-CHECK FAILED: " + str(e), file=sys.stderr)
        return 1
    for c, truth in built:
        cdir = os.path.join(a.out, f"case{c.number}_{c.slug}")
        if os.path.isdir(cdir):
            shutil.rmtree(cdir)
        for rel, data in c.files.items():
            path = os.path.join(cdir, "leak", rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
            ts = datetime.datetime(2023, 10, 1, 12, 0).timestamp()
            os.utime(path, (ts, ts))
        with open(os.path.join(cdir, "truth.json"), "wb") as fh:
            fh.write(truth)
    print(f"done in {time.time() - t0:.1f} s -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
