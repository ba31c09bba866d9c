#!/usr/bin/env python3
"""Blind scorer for BreachScope against the synthetic cases made by gen.py.

For each case folder (with leak/ and truth.json) under OUT:
  BREACHSCOPE_KEY=... .build/release/breachscope scan <case>/leak --workspace <fresh dir> --quiet
  (case 4: one scan per batch folder with --batch batchN, into the same workspace)
  .build/release/breachscope persons --workspace <dir> --reveal --format jsonl
and compare the found persons with the truth.  Standard library only.

Usage:  python3 score.py OUT [--bin .build/release/breachscope] [--cases 1,3] [--examples 10] [--json RESULTS_DIR]
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import unicodedata

KEY = "0123456789abcdef" * 4
CONTACT = {"email", "phone"}
OTHER = {"iban", "loyalty_card", "payment_card"}


# ---------------------------------------------------------------- normalisation

def nid_key(v):
    s = re.sub(r"[\s\-+]", "", str(v)).upper()
    if len(s) == 12 and s.isdigit() and s[:2] in ("19", "20"):
        s = s[2:]                       # Swedish personnummer with century
    return s


def id_class(t):
    if t == "email":
        return "email"
    if t == "phone":
        return "phone"
    if t in OTHER:
        return t
    return "nid"


def id_key(t, v):
    c = id_class(t)
    if c == "email":
        return "email:" + str(v).strip().lower()
    if c == "phone":
        return "phone:+" + re.sub(r"\D", "", str(v))
    if c in ("iban", "loyalty_card", "payment_card"):
        return c + ":" + re.sub(r"[\s\-]", "", str(v)).upper()
    return "nid:" + nid_key(v)


def name_tokens(s):
    if not s:
        return ()
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return tuple(sorted(t for t in re.split(r"[^\w]+", s) if t and t != "_"))


def name_kind(found_name, tp):
    """'ok', 'abbreviated' (e.g. 'Jane D.' while the full name is known), 'different' or 'no name'."""
    fn = name_tokens(found_name)
    if not fn:
        return "no name"
    if fn == name_tokens(tp["name"]) or any(fn == name_tokens(v) for v in tp.get("name_variants", [])):
        return "ok"
    tt = name_tokens(tp["name"])
    if all(any(a == b or (len(a) == 1 and b.startswith(a)) for b in tt) for a in fn):
        return "abbreviated"
    return "different"


def shape(raw):
    s = re.sub(r"[0-9]", "9", raw)
    s = re.sub(r"[A-Za-z]", "a", s)
    if raw != raw.strip():
        s = "«padded»" + s.strip()
    return s


def file_pattern(path):
    """collapse per-record file names: vastused/G2023-04512_vastus.txt -> vastused/G9-9_vastus.txt"""
    path = re.sub(r"\d+", "9", path)
    return re.sub(r"S9-9", "S9-9", path)


# ---------------------------------------------------------------- running the tool

def run(cmd, env, timeout=3600):
    t = time.time()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr, time.time() - t


ACCEPT_ALL = False


def run_tool(binary, case_dir, truth, keep):
    env = dict(os.environ)
    env["BREACHSCOPE_KEY"] = KEY
    tmp = tempfile.mkdtemp(prefix="bs-ws-", dir=os.path.join(os.path.dirname(os.path.abspath(__file__)), "tmp"))
    ws = os.path.join(tmp, "ws")
    leak = os.path.join(case_dir, "leak")
    scans = []
    if "batches" in truth:
        for b in sorted(truth["batches"]):
            cmd = [binary, "scan", os.path.join(leak, b), "--workspace", ws, "--quiet", "--batch", b]
            if truth.get("batch_published", {}).get(b):
                cmd += ["--published-at", truth["batch_published"][b]]
            rc, out, err, sec = run(cmd, env)
            scans.append({"batch": b, "rc": rc, "seconds": round(sec, 1), "stderr": err.strip()[-600:], "stdout": out.strip()[-400:]})
    else:
        rc, out, err, sec = run([binary, "scan", leak, "--workspace", ws, "--quiet"], env)
        scans.append({"batch": None, "rc": rc, "seconds": round(sec, 1), "stderr": err.strip()[-600:], "stdout": out.strip()[-400:]})
    res = {"scans": scans, "workspace": ws}
    if ACCEPT_ALL:  # a reviewer who accepts every weak-identity candidate
        rc, out, err, _ = run([binary, "review", "accept", "--all", "--workspace", ws], env)
        res["accepted"] = out.strip()
    rc, out, err, _ = run([binary, "persons", "--workspace", ws, "--reveal", "--format", "jsonl"], env)
    res["persons_rc"] = rc
    res["persons_err"] = err.strip()[-600:]
    res["persons"] = [json.loads(l) for l in out.splitlines() if l.strip()]
    rc, out, err, _ = run([binary, "report", "--workspace", ws, "--format", "json"], env)
    try:
        res["report"] = json.loads(out)
    except ValueError:
        res["report"] = {"error": err.strip()[-600:]}
    rc, out, err, _ = run([binary, "status", "--workspace", ws, "--format", "json"], env)
    try:
        res["status"] = json.loads(out)
    except ValueError:
        res["status"] = {"raw": out[-2000:], "error": err.strip()[-600:]}
    if "batches" in truth:
        res["diffs"] = {}
        for b in sorted(truth["batches"]):
            rc, out, err, _ = run([binary, "diff", "--workspace", ws, "--batch", b, "--format", "json"], env)
            try:
                res["diffs"][b] = json.loads(out)
            except ValueError:
                res["diffs"][b] = {"error": (err or out).strip()[-600:]}
    res["tmp"] = tmp
    res["env"] = env
    return res


class Lookup:
    """Evidence for one found person, through `lookup --format json --reveal` on one of its identifiers."""

    def __init__(self, binary, res):
        self.binary, self.ws, self.env, self.cache = binary, res["workspace"], res["env"], {}

    def person(self, f):
        ids = f.get("identifiers", [])
        ids = sorted(ids, key=lambda i: {"email": 1, "phone": 2}.get(i["type"], 0))
        for i in ids:
            opt = {"email": "--email", "phone": "--phone"}.get(i["type"], "--national-id")
            k = (opt, i["value"])
            if k not in self.cache:
                rc, out, err, _ = run([self.binary, "lookup", "--workspace", self.ws, opt, i["value"], "--reveal", "--format", "json"],
                                      self.env)
                try:
                    d = json.loads(out)
                    d = d if isinstance(d, list) else [d]
                except ValueError:
                    d = []
                self.cache[k] = d
            for d in self.cache[k]:
                if isinstance(d, dict) and d.get("person", {}).get("person") == f["person"]:
                    return d
            if self.cache[k]:
                return self.cache[k][0]
        return None

    def evidence(self, f, element=None, value=None, limit=2):
        d = self.person(f)
        if not d:
            return ""
        out = []
        for o in d.get("occurrences", []):
            if element and o.get("element") != element:
                continue
            if value is not None and o.get("value") != value:
                continue
            out.append(f"{o.get('document')}:{o.get('line')} [{o.get('field') or '-'}] {o.get('element')}={o.get('value')!r}")
        for c in d.get("categories", []):
            if element and c.get("what") != element:
                continue
            out.append(f"rule {c.get('rule')} in {c.get('document')} (evidence {c.get('evidence')})")
        seen = []
        for x in out:
            if x not in seen:
                seen.append(x)
        return "; ".join(seen[:limit])


# ---------------------------------------------------------------- matching

def evaluate(truth, found):
    T = {p["tid"]: p for p in truth["persons"]}
    index = collections.defaultdict(set)          # key -> tids
    tkeys = {}
    for p in truth["persons"]:
        ks = set()
        for i in p["identifiers"]:
            k = id_key(i["type"], i["value"])
            index[k].add(p["tid"])
            ks.add(k)
        tkeys[p["tid"]] = ks
    tname = {p["tid"]: name_tokens(p["name"]) for p in truth["persons"]}
    by_name = collections.defaultdict(set)
    for tid, nt in tname.items():
        by_name[nt].add(tid)
    decoys = {}
    for d in truth.get("decoys", []):
        for k in (id_key("email", d["value"]) if "@" in d["value"] else None, "nid:" + nid_key(d["value"]),
                  "loyalty_card:" + nid_key(d["value"])):
            if k:
                decoys.setdefault(k, d)

    M = {}            # found idx -> set(tid)
    how = {}
    fkeys = {}
    for n, f in enumerate(found):
        ks = [(i["type"], id_key(i["type"], i["value"])) for i in f.get("identifiers", [])]
        fkeys[n] = ks
        nid = set()
        weak = set()
        for t, k in ks:
            hits = set(index.get(k, ()))
            if id_class(t) == "nid" and not hits:
                # the tool may type a value differently (e.g. LT code as ee_isikukood): try the value in every class
                hits = set(index.get(k, ()))
            (nid if id_class(t) == "nid" else weak).update(hits)
        fn = name_tokens(f.get("name"))
        if nid:
            M[n], how[n] = nid, "national_id"
        elif weak:
            m = weak
            if len(weak) > 1 and fn:
                same = {t for t in weak if tname[t] == fn}
                if not same:
                    # a middle initial the truth's name leaves out (`Baker, Susan G.`: a household's inbox)
                    same = {t for t in weak if tname[t] == tuple(x for x in fn if len(x) > 1)}
                if same:
                    m = same
            M[n], how[n] = m, "contact/card"
        elif fn and by_name.get(fn):
            M[n], how[n] = set(by_name[fn]), "name only"
        else:
            M[n], how[n] = set(), "none"
    matchers = collections.defaultdict(list)
    for n, m in M.items():
        for t in m:
            matchers[t].append(n)
    correct = [n for n, m in M.items() if len(m) == 1 and len(matchers[next(iter(m))]) == 1]
    recalled = {next(iter(M[n])) for n in correct}

    def best(n):
        m = M[n]
        if not m:
            return None
        if len(m) == 1:
            return next(iter(m))
        fk = {k for _, k in fkeys[n]}
        fn = name_tokens(found[n].get("name"))
        return max(sorted(m), key=lambda t: (len(fk & tkeys[t]) * 3 + (2 if tname[t] == fn else 0)))

    assign = {n: best(n) for n in M}
    # element pairs
    req = {(p["tid"], e) for p in truth["persons"] for e in p["elements"]}
    opt = {(p["tid"], e) for p in truth["persons"] for e in p["optional_elements"]}
    fpairs = set()
    for n, f in enumerate(found):
        t = assign[n]
        for e in f.get("elements", []):
            fpairs.add((t if t else "F:" + f["person"], e))
    types = sorted({e for _, e in req} | {e for _, e in fpairs})
    el = {}
    for e in types:
        tp = sum(1 for x in fpairs if x[1] == e and x in req)
        fp = sum(1 for x in fpairs if x[1] == e and x not in req and x not in opt)
        op = sum(1 for x in fpairs if x[1] == e and x in opt)
        fn_ = sum(1 for x in req if x[1] == e and x not in fpairs)
        el[e] = {"tp": tp, "fp": fp, "fn": fn_, "optional_reported": op,
                 "found_distinct": sum(1 for f in found if e in f.get("elements", [])),
                 "truth_distinct": truth["expected"]["per_element"].get(e, 0),
                 "optional_possible": sum(1 for x in opt if x[1] == e)}
    return {"T": T, "M": M, "how": how, "matchers": matchers, "correct": correct, "recalled": recalled, "assign": assign,
            "fkeys": fkeys, "tkeys": tkeys, "index": index, "decoys": decoys, "req": req, "opt": opt, "fpairs": fpairs,
            "elements": el}


def pct(a, b):
    return f"{100.0 * a / b:5.1f}%" if b else "  n/a"


def ids_str(ids, limit=5):
    s = ", ".join(f"{i['type']}={i['value']}" for i in ids[:limit])
    return s + (" …" if len(ids) > limit else "")


def describe(truth, found, ev, res, nexamples, lk):
    T, M = ev["T"], ev["M"]
    lines = []
    P = lines.append
    nF, nT, nC = len(found), len(T), len(ev["correct"])
    missed = [t for t in T if not ev["matchers"].get(t)]
    split = [t for t in T if len(ev["matchers"].get(t, [])) > 1]
    merged = [n for n in M if len(M[n]) > 1]
    spurious = [n for n in M if not M[n]]
    P(f"  persons: truth {nT}, found {nF}, correct {nC} -> precision {pct(nC, nF)}, recall {pct(nC, nT)}")
    P(f"    missed {len(missed)}, split {len(split)} (into {sum(len(ev['matchers'][t]) for t in split)} found), "
      f"found-matching->1-true {len(merged)} (covering {sum(len(M[n]) for n in merged)} true), unmatched found {len(spurious)}")
    hows = collections.Counter(ev["how"].values())
    P(f"    found persons matched via: {dict(hows)}")
    P("  elements ((person, element) pairs; optional = allowed either way, not counted):")
    P(f"    {'element':<17}{'TP':>5}{'FP':>5}{'FN':>5}  {'prec':>6} {'recall':>6}  distinct found/truth  (report)  optional reported/possible")
    rep_el = {e["element"]: e["persons"] for e in res.get("report", {}).get("elements", []) if isinstance(e, dict)}
    for e, d in ev["elements"].items():
        P(f"    {e:<17}{d['tp']:>5}{d['fp']:>5}{d['fn']:>5}  {pct(d['tp'], d['tp'] + d['fp']):>6} {pct(d['tp'], d['tp'] + d['fn']):>6}"
          f"  {d['found_distinct']:>6} / {d['truth_distinct']:<6}  ({rep_el.get(e, '-')})"
          f"  {d['optional_reported']}/{d['optional_possible']}" if d['optional_possible'] else
          f"    {e:<17}{d['tp']:>5}{d['fp']:>5}{d['fn']:>5}  {pct(d['tp'], d['tp'] + d['fp']):>6} {pct(d['tp'], d['tp'] + d['fn']):>6}"
          f"  {d['found_distinct']:>6} / {d['truth_distinct']:<6}  ({rep_el.get(e, '-')})")
    TP = sum(d["tp"] for d in ev["elements"].values())
    FP = sum(d["fp"] for d in ev["elements"].values())
    FN = sum(d["fn"] for d in ev["elements"].values())
    P(f"    {'ALL':<17}{TP:>5}{FP:>5}{FN:>5}  {pct(TP, TP + FP):>6} {pct(TP, TP + FN):>6}")
    wk = res.get("report", {}).get("weak")
    if wk:
        P(f"  review queue (report.weak): {wk}")
    rp = res.get("report", {}).get("persons")
    if rp is not None and rp != nF:
        P(f"  NOTE: report says {rp} persons, persons export has {nF}")

    # ---- identifier-level checks for assigned persons
    miss_id = collections.Counter()
    miss_id_ex = {}
    by_t = collections.defaultdict(set)
    for n, t in ev["assign"].items():
        if t:
            by_t[t] |= {k for _, k in ev["fkeys"][n]}
    for t, p in T.items():
        if t not in by_t:
            continue
        for o in p["occurrences"]:
            if id_class(o["type"]) not in ("nid", "email", "phone"):
                continue       # only national IDs, e-mails and phones are identifiers in the export
            k = id_key(o["type"], o["value"])
            if k in by_t[t]:
                continue
            g = (o["type"], file_pattern(o["file"]), o["field"], shape(o["raw"]) if o["type"] != "email" else
                 ("«padded»" if o["raw"] != o["raw"].strip() else "") + ("«caps»" if o["raw"].strip() != o["raw"].strip().lower() else ""))
            miss_id[g] += 1
            miss_id_ex.setdefault(g, (t, o["raw"], o["value"]))
    # values found present nowhere / in another person
    foreign = collections.Counter()
    foreign_ex = {}
    typemis = collections.Counter()
    for n, f in enumerate(found):
        t = ev["assign"][n]
        for i in f.get("identifiers", []):
            k = id_key(i["type"], i["value"])
            owners = ev["index"].get(k, set())
            if owners:
                tt = None
                for tid in owners:
                    for ti in T[tid]["identifiers"]:
                        if id_key(ti["type"], ti["value"]) == k:
                            tt = ti["type"]
                if tt and tt != i["type"] and id_class(tt) == "nid":
                    typemis[(tt, i["type"])] += 1
                if t and t not in owners:
                    g = ("belongs to another person", i["type"])
                    foreign[g] += 1
                    foreign_ex.setdefault(g, (f["person"], i["value"], sorted(owners), t))
            else:
                d = ev["decoys"].get(k)
                g = ("not in truth" + (f" (decoy: {d['kind']} in {d['file']} [{d['field']}])" if d else ""), i["type"])
                foreign[g] += 1
                foreign_ex.setdefault(g, (f["person"], i["value"], [], t))
    if miss_id:
        P("  identifier values present in the leak but not on the matched person (type, file, field, raw shape): count  e.g.")
        for g, c in miss_id.most_common(12):
            t, raw, v = miss_id_ex[g]
            P(f"    {g[0]:<15} {g[1]} [{g[2]}] {g[3]!s:<22} x{c}   e.g. {t} raw={raw!r} -> {v}")
    if foreign:
        P("  identifier values on found persons that the truth gives to someone else / to no one:")
        for g, c in foreign.most_common(10):
            fp_, v, owners, t = foreign_ex[g]
            P(f"    {g[1]:<15} {g[0]} x{c}   e.g. {fp_} value={v!r} owners={owners} assigned={t}")
    if typemis:
        P("  national-ID type mismatches (truth type -> reported type): " + ", ".join(f"{a}->{b} x{c}" for (a, b), c in typemis.items()))

    # ---- element discrepancies grouped by source
    miss_el = collections.Counter()
    miss_el_ex = {}
    for (t, e) in sorted(ev["req"] - ev["fpairs"]):
        if t not in ev["recalled"] and not ev["matchers"].get(t):
            continue      # whole person missed, reported separately
        srcs = T[t]["provenance"].get(e, [])
        g = (e, " + ".join(sorted({file_pattern(s) for s in srcs})[:3]))
        miss_el[g] += 1
        miss_el_ex.setdefault(g, t)
    if miss_el:
        P("  missing elements on found persons (element, where the truth has it): count  e.g.")
        for g, c in miss_el.most_common(12):
            P(f"    {g[0]:<16} x{c:<4} from {g[1]}   e.g. {miss_el_ex[g]} {T[miss_el_ex[g]]['name']}")
    spur_el = collections.Counter()
    spur_el_ex = {}
    f_by_t = collections.defaultdict(list)
    for n, t in ev["assign"].items():
        f_by_t[t].append(n)
    for (t, e) in sorted(ev["fpairs"] - ev["req"] - ev["opt"], key=str):
        if t is None or t.startswith("F:"):
            continue
        docs = set()
        for n in f_by_t.get(t, []):
            if e in found[n].get("elements", []):
                docs |= {file_pattern(d) for d in found[n].get("documents", [])}
        g = (e, " | ".join(sorted(docs)[:4]) + (" …" if len(docs) > 4 else ""))
        spur_el[g] += 1
        spur_el_ex.setdefault(g, t)
    if spur_el:
        P("  spurious elements on matched persons (element, documents of that found person): count  e.g. + tool evidence")
        for g, c in spur_el.most_common(10):
            t = spur_el_ex[g]
            evd = ""
            for n in f_by_t.get(t, []):
                if g[0] in found[n].get("elements", []):
                    evd = lk.evidence(found[n], g[0])
                    break
            P(f"    {g[0]:<16} x{c:<4} docs {g[1]}   e.g. {t}: {evd}")

    # ---- names on matched persons
    nm_bad = collections.Counter()
    nm_ex = {}
    for n, t in ev["assign"].items():
        if not t:
            continue
        f = found[n]
        g = name_kind(f.get("name"), T[t])
        if g != "ok":
            docs = " | ".join(sorted({file_pattern(d) for d in f.get("documents", [])})[:3])
            nm_bad[(g, docs)] += 1
            nm_ex.setdefault((g, docs), (t, T[t]["name"], f.get("name")))
    if nm_bad:
        P(f"  name on matched found person differs from the true name: {sum(nm_bad.values())}  (kind, docs of found person)")
        for g, c in nm_bad.most_common(8):
            t, tn, fn = nm_ex[g]
            evd = ""
            if fn:
                for n in [n for n, tt in ev["assign"].items() if tt == t]:
                    evd = lk.evidence(found[n], "name", fn, 1)
                    if evd:
                        break
            P(f"    {g[0]:<15} x{c:<4} docs {g[1]}   e.g. {t} true {tn!r} found {fn!r} {('<- ' + evd) if evd else ''}")
    # ---- unmatched found persons, grouped
    un = collections.Counter()
    un_ex = {}
    for n in [n for n in M if not M[n]]:
        f = found[n]
        docs = " | ".join(sorted({file_pattern(d) for d in f.get("documents", [])})[:3])
        idt = ",".join(sorted({i["type"] for i in f.get("identifiers", [])})) or "-"
        kinds = sorted({ev["decoys"][id_key(i["type"], i["value"])]["kind"] for i in f.get("identifiers", [])
                        if id_key(i["type"], i["value"]) in ev["decoys"]})
        g = (docs, idt, ",".join(kinds) or "-", ",".join(f.get("elements", [])))
        un[g] += 1
        un_ex.setdefault(g, f)
    if un:
        P("  unmatched found persons grouped (documents, identifier types, decoy kind, elements): count  e.g.")
        for g, c in un.most_common(10):
            f = un_ex[g]
            evd = lk.evidence(f, None, None, 3) if f.get("identifiers") else ""
            P(f"    x{c:<4} docs {g[0]} ids {g[1]} decoy {g[2]} elements [{g[3]}]  e.g. name={f.get('name')!r} "
              f"ids[{ids_str(f.get('identifiers', []), 3)}] {('<- ' + evd) if evd else ''}")
    # ---- person discrepancies
    ex = []
    for n in merged:
        f = found[n]
        ts = sorted(M[n])
        ex.append(("MERGED", f"found {f['person']} (name {f.get('name')!r}, via {ev['how'][n]}) covers {len(ts)} true persons: " +
                   "; ".join(f"{t} {T[t]['name']} [{ids_str(T[t]['identifiers'], 3)}] {T[t]['note']}" for t in ts[:3]) +
                   f"; found ids: {ids_str(f.get('identifiers', []), 6)}; docs {f.get('documents', [])[:4]}"))
    for t in split:
        fs = [found[n] for n in ev["matchers"][t]]
        ex.append(("SPLIT", f"true {t} {T[t]['name']} ({T[t]['note'] or 'no note'}) -> {len(fs)} found: " +
                   " || ".join(f"{f['person']} name={f.get('name')!r} ids[{ids_str(f.get('identifiers', []), 3)}] docs{[file_pattern(d) for d in f.get('documents', [])][:3]}"
                               for f in fs[:3])))
    for t in missed:
        p = T[t]
        files = sorted({file_pattern(o.split(' [')[0]) for srcs in p["provenance"].values() for o in srcs})
        carriers = []
        for n, f in enumerate(found):
            if ev["tkeys"][t] & {k for _, k in ev["fkeys"][n]}:
                carriers.append(f"{f['person']} (name {f.get('name')!r}, assigned to {ev['assign'][n]})")
        ex.append(("MISSED" if not carriers else "ABSORBED",
                   f"true {t} {p['name']} [{ids_str(p['identifiers'], 4)}] elements {p['elements']} {p['note']}; "
                   f"appears in {files[:4]}" + (f"; its identifiers sit on {carriers[:2]}" if carriers else "")))
    for n in spurious:
        f = found[n]
        ds = []
        for i in f.get("identifiers", []):
            d = ev["decoys"].get(id_key(i["type"], i["value"]))
            if d:
                ds.append(f"{i['value']} is decoy {d['kind']} ({d['file']} [{d['field']}])")
        ex.append(("UNMATCHED", f"found {f['person']} name={f.get('name')!r} ids[{ids_str(f.get('identifiers', []), 4)}] "
                                f"elements {f.get('elements')} docs {f.get('documents', [])[:3]} {'; '.join(ds[:2])}"))
    cats = collections.Counter(k for k, _ in ex)
    if ex:
        P(f"  person discrepancies: {dict(cats)}; first examples:")
        # round-robin over categories so each kind shows up
        order = []
        buckets = collections.OrderedDict()
        for k, s in ex:
            buckets.setdefault(k, []).append(s)
        while len(order) < nexamples and any(buckets.values()):
            for k in list(buckets):
                if buckets[k] and len(order) < nexamples:
                    order.append((k, buckets[k].pop(0)))
        for k, s in order:
            P(f"    [{k}] {s}")
    return lines, {"persons_truth": nT, "persons_found": nF, "correct": nC, "missed": len(missed), "split": len(split),
                   "merged": len(merged), "unmatched": len(spurious), "elements": ev["elements"]}


def batch_section(truth, found, ev, res):
    lines = []
    P = lines.append
    inv = {}
    for n, f in enumerate(found):
        if ev["assign"][n]:
            inv.setdefault(f["person"], ev["assign"][n])
    P("  batches (truth vs tool `diff --batch B --format json`):")
    for b, tb in sorted(truth["batches"].items()):
        d = res.get("diffs", {}).get(b, {})
        if "error" in d:
            P(f"    {b}: diff failed: {d['error']}")
            continue

        def grab(*names):
            for nm in names:
                if nm in d:
                    return d[nm]
            return None
        new = grab("newPersons", "new")
        known = grab("knownWithNewData", "knownWithNewElements", "known")
        cum = grab("cumulativePersons", "cumulative")
        if cum is None:
            for rb in res.get("report", {}).get("batches", []) or []:
                if isinstance(rb, dict) and rb.get("batch") == b:
                    cum = rb.get("cumulativePersons")
        nl = len(new) if isinstance(new, list) else new
        kl = len(known) if isinstance(known, list) else known
        P(f"    {b}: new persons truth {len(tb['new']):>4} tool {nl!s:>5} | known-with-new-elements truth "
          f"{len(tb['known_with_new_elements']):>4} tool {kl!s:>5} | cumulative truth {tb['cumulative']:>4} tool {cum}")
        # per-person check if ids are listed
        if isinstance(new, list) and new and isinstance(new[0], (str, dict)):
            ids = [x if isinstance(x, str) else x.get("person") for x in new]
            got = {inv.get(i) for i in ids if inv.get(i)}
            wrong = [inv.get(i) for i in ids if inv.get(i) and inv.get(i) not in tb["new"]]
            miss = [t for t in tb["new"] if t not in got]
            if wrong or miss:
                P(f"      new: {len(miss)} true-new not reported as new (e.g. {miss[:4]}), {len(wrong)} reported new but known (e.g. {wrong[:4]})")
        if isinstance(known, list) and known and isinstance(known[0], dict):
            bad = []
            for x in known:
                t = inv.get(x.get("person"))
                if t is None:
                    continue
                els = set(x.get("elements") or x.get("newElements") or [])
                want = set(tb["known_with_new_elements"].get(t, []))
                if els != want and not (els - want <= set(ev["T"][t]["optional_elements"]) and want <= els):
                    bad.append((t, sorted(els), sorted(want)))
            if bad:
                P(f"      known-with-new-elements disagreements: {len(bad)}, e.g. " +
                  "; ".join(f"{t} tool {a} truth {w}" for t, a, w in bad[:3]))
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--bin", default=".build/release/breachscope")
    ap.add_argument("--cases", default="")
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--json", default="")
    ap.add_argument("--keep", action="store_true", help="keep the workspaces")
    ap.add_argument("--accept-candidates", action="store_true",
                    help="run `review accept --all` after the scans (scores the persons a reviewer accepting every candidate gets)")
    a = ap.parse_args()
    global ACCEPT_ALL
    ACCEPT_ALL = a.accept_candidates
    os.makedirs(os.path.join(os.path.dirname(os.path.abspath(__file__)), "tmp"), exist_ok=True)
    summary = []
    for case in sorted(os.listdir(a.out)):
        cdir = os.path.join(a.out, case)
        tpath = os.path.join(cdir, "truth.json")
        if not os.path.isfile(tpath):
            continue
        if a.cases and not any(case.startswith(f"case{k}_") for k in a.cases.split(",")):
            continue
        truth = json.load(open(tpath, encoding="utf-8"))
        res = run_tool(a.bin, cdir, truth, a.keep)
        found = res["persons"]
        print(f"== {case}  ({truth['files']} files) ==")
        for s in res["scans"]:
            print(f"  scan{' ' + s['batch'] if s['batch'] else ''}: rc={s['rc']} {s['seconds']} s" +
                  (f"  stderr: {s['stderr'][:300]}" if s["stderr"] else ""))
        if res["persons_rc"]:
            print(f"  persons export rc={res['persons_rc']}: {res['persons_err']}")
        fl = res.get("report", {}).get("files", {})
        if fl:
            print(f"  files: {fl}")
        st = res.get("status")
        docs = st.get("documents") if isinstance(st, dict) else None
        if isinstance(docs, list):
            bad = [d for d in docs if isinstance(d, dict) and d.get("status") not in ("scanned", None)]
            for d in bad[:8]:
                print(f"    {d.get('status')}: {d.get('document')} – {d.get('reason')}")
        ev = evaluate(truth, found)
        lines, summ = describe(truth, found, ev, res, a.examples, Lookup(a.bin, res))
        print("\n".join(lines))
        if "batches" in truth:
            print("\n".join(batch_section(truth, found, ev, res)))
        if not a.keep:
            shutil.rmtree(res["tmp"], ignore_errors=True)
        else:
            print(f"  workspace kept: {res['workspace']}")
        summ["case"] = case
        summ["rc"] = [s["rc"] for s in res["scans"]]
        summary.append(summ)
        if a.json:
            os.makedirs(a.json, exist_ok=True)
            with open(os.path.join(a.json, case + ".json"), "w") as fh:
                json.dump({"summary": summ, "scans": res["scans"], "weak": res.get("report", {}).get("weak"), "found": found, "report": res.get("report"),
                           "status": res.get("status"), "diffs": res.get("diffs"),
                           "match": {found[n]["person"]: sorted(m) for n, m in ev["M"].items()}}, fh, ensure_ascii=False, indent=1)
        print()
    print("== summary ==")
    print(f"  {'case':<32}{'rc':>8}{'true':>6}{'found':>6}{'P':>8}{'R':>8}{'elP':>8}{'elR':>8}")
    for s in summary:
        TP = sum(d["tp"] for d in s["elements"].values())
        FP = sum(d["fp"] for d in s["elements"].values())
        FN = sum(d["fn"] for d in s["elements"].values())
        print(f"  {s['case']:<32}{','.join(map(str, s['rc'])):>8}{s['persons_truth']:>6}{s['persons_found']:>6}"
              f"{pct(s['correct'], s['persons_found']):>8}{pct(s['correct'], s['persons_truth']):>8}"
              f"{pct(TP, TP + FP):>8}{pct(TP, TP + FN):>8}")


if __name__ == "__main__":
    main()
