#!/usr/bin/env python3
"""Generates a synthetic benchmark corpus (fictitious people, valid checksums).

  sparse: prose and logs with a few identifiers (≈ 1 finding per 50 KB) among many decoy numbers
  dense:  customer tables (CSV, NDJSON) with ≥ 1 person per 200 bytes, plus text lab reports
          (`--wide`: each row also carries its order — number, time, product, quantity, amount,
          status, pharmacy — about 200 bytes per person, the issue's density bound)

Usage: make-corpus.py sparse|dense OUT_DIR [--mb N] [--persons N] [--seed S]
Prints a JSON line with the ground truth (files, bytes, persons written).
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(__file__))
import synthetic as S  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("kind", choices=["sparse", "dense"])
ap.add_argument("out")
ap.add_argument("--mb", type=int, default=2048, help="sparse: corpus size in MB")
ap.add_argument("--persons", type=int, default=1_000_000, help="dense: distinct persons")
ap.add_argument("--seed", type=int, default=7)
ap.add_argument("--wide", action="store_true", help="dense: order columns on every row (≈ 200 bytes per person)")
ap.add_argument("--per-file", type=int, default=250_000, help="dense: persons per file (one file of all: a leak that is one big table)")
ap.add_argument("--regions", type=int, default=0, help="dense: add a controller column naming one of N regions (scope benchmark)")
a = ap.parse_args()
rng = random.Random(a.seed)
os.makedirs(a.out, exist_ok=True)

PROSE = [
    "The quarterly inventory review found no discrepancies in the central warehouse.",
    "Kokous siirrettiin ensi viikolle, koska osa osallistujista oli lomalla.",
    "Tellimuse töötlemine võttis oodatust kauem aega, kuna laos oli inventuur.",
    "Spotkanie zespołu odbędzie się w czwartek o godzinie dziesiątej.",
    "Leveransen försenades på grund av snöstormen i norra Sverige.",
    "Система обновлена до последней версии, перезагрузка не требуется.",
]


def sparse():
    target = a.mb * 1_000_000
    files = 0
    written = 0
    planted = 0
    per_file = 64 * 1_000_000
    while written < target:
        size = min(per_file, target - written)
        name = os.path.join(a.out, f"{'log' if files % 2 else 'notes'}_{files:04d}.{'log' if files % 2 else 'txt'}")
        # Build a 1 MB block of prose/log lines with decoys, then vary identifiers per block.
        with open(name, "w", encoding="utf-8") as f:
            done = 0
            while done < size:
                lines = []
                blen = 0
                while blen < 1_000_000:
                    r = rng.random()
                    if r < 0.001:
                        code, _ = S.ee_isikukood(rng)
                        line = f"2023-05-{rng.randint(10, 28)}T10:00:00Z INFO customer {code} updated profile"
                        planted += 1
                    elif r < 0.0015:
                        e = S.email(rng, rng.choice(S.FIRST['en']), rng.choice(S.LAST['en']), "example.com")
                        line = f"2023-05-{rng.randint(10, 28)}T10:00:00Z INFO mail sent to {e}"
                        planted += 1
                    elif r < 0.35:
                        line = f"2023-05-{rng.randint(10, 28)}T{rng.randint(10, 23)}:{rng.randint(10, 59)}:00Z DEBUG order {rng.randint(10**9, 10**10 - 1)} took {rng.randint(1, 999)} ms"
                    else:
                        line = rng.choice(PROSE)
                    lines.append(line)
                    blen += len(line.encode()) + 1
                block = "\n".join(lines) + "\n"
                f.write(block)
                done += len(block.encode())
            written += done
        files += 1
    return {"files": files, "bytes": written, "planted": planted}


USED = set()


def unique(gen):
    """Draws identifiers until an unused one comes up, so the person count is exact."""
    while True:
        v, _ = gen(rng)
        if v not in USED:
            USED.add(v)
            return v, None


PRODUCTS = ["Hand cream 50 ml", "Sunscreen SPF 30 200 ml", "Toothpaste 75 ml", "Shampoo 250 ml", "Lip balm 4.8 g",
            "Cotton pads 80 pcs", "Body lotion 400 ml", "Shower gel 250 ml"]
PHARMACIES = ["Apteek Kesklinn", "Apteek Kristiine", "Apteekki Keskusta", "Apteka Centrum", "Apotek Södermalm"]
STATUSES = ["delivered", "picked up", "cancelled", "returned", "in transit"]
CHANNELS = ["web shop", "mobile app", "phone order", "counter"]


def order(i, sep):
    """The order columns of a wide row (no personal data: decoys for the detectors)."""
    return sep.join([f"ORD-2023-{i:08d}", f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}Z",
                     PRODUCTS[i % len(PRODUCTS)], str(1 + i % 3), f"{5 + (i * 37) % 9000 / 100:.2f}", STATUSES[i % len(STATUSES)],
                     PHARMACIES[i % len(PHARMACIES)], CHANNELS[i % len(CHANNELS)]])


ORDER_KEYS = ["order_no", "ordered_at", "product", "quantity", "amount", "status", "pharmacy", "channel"]


def dense():
    n = a.persons
    per_file = a.per_file
    files = 0
    written = 0
    idx = 0
    while idx < n:
        count = min(per_file, n - idx)
        kind = files % 3
        if kind == 0:
            name = os.path.join(a.out, f"customers_{files:03d}.csv")
            with open(name, "w", encoding="utf-8") as f:
                f.write("isikukood;first_name;last_name;email;phone;card" + (";alue;synnipaev" if a.regions else "")
                        + (";" + ";".join(ORDER_KEYS) if a.wide else "") + "\n")
                buf = []
                for i in range(count):
                    code, _ = unique(S.ee_isikukood)
                    fi, la = rng.choice(S.FIRST["et"]), rng.choice(S.LAST["et"])
                    buf.append(f"{code};{fi};{la};{S.ascii_fold(fi).lower()}.{S.ascii_fold(la).lower()}.{idx + i}@example.ee;+3725{idx + i:07d};{10**11 + idx + i}" + (f";Region {(idx + i) % a.regions:02d};19{50 + (idx + i) % 50}-0{1 + (idx + i) % 9}-1{(idx + i) % 9}" if a.regions else "")
                               + (";" + order(idx + i, ";") if a.wide else ""))
                    if len(buf) >= 10000:
                        f.write("\n".join(buf) + "\n"); buf = []
                if buf:
                    f.write("\n".join(buf) + "\n")
                written += f.tell()
        elif kind == 1:
            name = os.path.join(a.out, f"patients_{files:03d}.ndjson")
            with open(name, "w", encoding="utf-8") as f:
                buf = []
                for i in range(count):
                    pesel, _ = unique(S.pl_pesel)
                    row = {"pesel": pesel, "name": f"{rng.choice(S.FIRST['pl'])} {rng.choice(S.LAST['pl'])}",
                           "email": f"pacjent{idx + i}@example.pl", "order": rng.randint(10**9, 10**10 - 1)}
                    if a.regions:
                        row["clinic"] = f"REGION {(idx + i) % a.regions:02d}"
                        row["address"] = f"ul. Długa {(idx + i) % 200 + 1}, 00-{(idx + i) % 900 + 100} Warszawa"
                    if a.wide:  # JSON repeats its keys: fewer order fields keep the row near 200 bytes
                        o = dict(zip(ORDER_KEYS, order(idx + i, "\t").split("\t")))
                        row.update({k: o[k] for k in ("order_no", "product", "amount", "status")})
                    buf.append(json.dumps(row, ensure_ascii=False))
                    if len(buf) >= 10000:
                        f.write("\n".join(buf) + "\n"); buf = []
                if buf:
                    f.write("\n".join(buf) + "\n")
                written += f.tell()
        else:
            name = os.path.join(a.out, f"deliveries_{files:03d}.csv")
            with open(name, "w", encoding="utf-8") as f:
                f.write("Nimi,Osoite,Puhelin,Hetu,Tilausnumero" + ("," + ",".join(ORDER_KEYS) if a.wide else "") + "\n")
                buf = []
                for i in range(count):
                    hetu, _ = unique(S.fi_hetu)
                    buf.append(f"{rng.choice(S.FIRST['fi'])} {rng.choice(S.LAST['fi'])},Kauppakatu {rng.randint(1, 99)} Lahti,+35840{idx + i:07d},{hetu},{rng.randint(10**9, 10**10 - 1)}" + ("," + order(idx + i, ",") if a.wide else ""))
                    if len(buf) >= 10000:
                        f.write("\n".join(buf) + "\n"); buf = []
                if buf:
                    f.write("\n".join(buf) + "\n")
                written += f.tell()
        idx += count
        files += 1
    return {"files": files, "bytes": written, "persons": n}


print(json.dumps(sparse() if a.kind == "sparse" else dense()))
