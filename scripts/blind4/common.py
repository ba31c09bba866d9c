"""Shared bookkeeping for the blind-4 generator: persons, exposures, files, truth, self-checks."""
import codecs
import collections
import json
import os
import re
import shutil
import unicodedata

import idcodes

ID_ELEMENT = {"email": "email", "phone": "phone", "loyalty_card": "loyalty_card", "iban": "iban",
              "payment_card": "payment_card"}
NID_TYPES = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer",
             "no_fodselsnummer", "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number"}


def fold(s):
    """drop diacritics (õ->o, ł->l ...) for e-mail local parts and 'system without diacritics' exports"""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


class Person:
    def __init__(self, tid, name, note=""):
        self.tid = tid
        self.name = name
        self.variants = []
        self.ids = []                  # [(type, value)]
        self.elements = set()
        self.optional = set()
        self.occ = []
        self.prov = collections.defaultdict(list)
        self.note = note
        self.controllers = set()
        self.household = False
        self.batch_els = collections.defaultdict(set)
        self.attrs = {}                # free generator state

    def __getitem__(self, k):
        return self.attrs[k]

    def __setitem__(self, k, v):
        self.attrs[k] = v

    def get(self, k, d=None):
        return self.attrs.get(k, d)


class Case:
    def __init__(self, folder, rng):
        self.folder = folder
        self.rng = rng
        self.persons = []
        self.files = collections.OrderedDict()   # rel -> (bytes, encoding name used for checks)
        self.decoys = []
        self.name_raws = []                     # (rel, raw)
        self.batches = None
        self.batch_published = None
        self.used = collections.defaultdict(set)  # uniqueness pools
        self.households = set()                 # e-mails declared shared
        self.el_log = []                        # (tid, rel, field, element, optional)
        self.virtual = {}                       # archive members: name -> text (checked, not written)

    # ---------------------------------------------------------- persons
    def person(self, name, note=""):
        p = Person(f"T{len(self.persons) + 1:05d}", name, note)
        self.persons.append(p)
        return p

    def unique(self, pool, make, tries=10000):
        for _ in range(tries):
            v = make()
            if v is not None and v not in self.used[pool]:
                self.used[pool].add(v)
                return v
        raise RuntimeError("pool exhausted: " + pool)

    # ---------------------------------------------------------- exposures
    def _batch(self, rel):
        m = re.match(r"(batch\d+)/", rel)
        return m.group(1) if m else None

    def el(self, p, rel, field, element, optional=False):
        self.el_log.append((p, rel, field, element, optional))
        if optional:
            p.optional.add(element)
        else:
            p.elements.add(element)
            b = self._batch(rel)
            if b:
                p.batch_els[b].add(element)
        s = f"{rel} [{field}]"
        if s not in p.prov[element]:
            p.prov[element].append(s)

    def name(self, p, rel, field, raw, optional=False, variant=True):
        if variant and raw not in p.variants and raw != p.name:
            p.variants.append(raw)
        self.name_raws.append((rel, raw, p.tid))
        self.el(p, rel, field, "name", optional)

    def ident(self, p, rel, field, typ, value, raw):
        if (typ, value) not in p.ids:
            p.ids.append((typ, value))
        p.occ.append({"type": typ, "value": value, "file": rel, "field": field, "raw": raw})
        self.el(p, rel, field, "national_id" if typ in NID_TYPES else ID_ELEMENT[typ])

    def copy_doc(self, r, nr):
        """nr is a byte-identical copy of r: replicate every exposure of r onto nr"""
        for p, rel, field, element, optional in [x for x in self.el_log if x[1] == r]:
            self.el(p, nr, field, element, optional)
        for p in self.persons:
            for o in [o for o in p.occ if o["file"] == r]:
                p.occ.append(dict(o, file=nr))
        self.name_raws += [(nr, raw, tid) for rel, raw, tid in self.name_raws if rel == r]
        self.decoys += [dict(d, file=nr) for d in self.decoys if d["file"] == r]

    def move_doc(self, r, nr):
        """r is stored only as archive member nr: rename every reference"""
        for p in self.persons:
            for o in p.occ:
                if o["file"] == r:
                    o["file"] = nr
            for e in p.prov:
                p.prov[e] = [nr + s[len(r):] if s.startswith(r + " [") else s for s in p.prov[e]]
        self.name_raws[:] = [(nr if rel == r else rel, raw, tid) for rel, raw, tid in self.name_raws]
        for d in self.decoys:
            if d["file"] == r:
                d["file"] = nr

    def decoy(self, value, kind, rel, field):
        self.decoys.append({"value": value, "kind": kind, "file": rel, "field": field})

    # ---------------------------------------------------------- files
    def add_file(self, rel, text, encoding="utf-8", bom=False):
        assert rel not in self.files, rel
        if encoding == "utf-16le":
            data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        else:
            data = text.encode(encoding)
            if bom:
                data = codecs.BOM_UTF8 + data
        self.files[rel] = (data, encoding)

    def add_bytes(self, rel, data, encoding="utf-8"):
        self.files[rel] = (data, encoding)

    # ---------------------------------------------------------- output
    def truth(self):
        persons = []
        per_el = collections.Counter()
        for p in self.persons:
            opt = p.optional - p.elements
            for e in p.elements:
                per_el[e] += 1
            persons.append({
                "tid": p.tid, "name": p.name, "name_variants": p.variants,
                "identifiers": [{"type": t, "value": v} for t, v in p.ids],
                "elements": sorted(p.elements), "optional_elements": sorted(opt),
                "occurrences": p.occ, "provenance": {k: v for k, v in sorted(p.prov.items())},
                "note": p.note, "controllers": sorted(p.controllers), "household_email": p.household,
                "language": p.get("lang"),
            })
        t = {"case": self.folder, "files": len(self.files), "persons": persons,
             "expected": {"persons": len(persons), "per_element": dict(sorted(per_el.items()))},
             "decoys": self.decoys}
        if self.batches is not None:
            t["batches"] = self.batches
            t["batch_published"] = self.batch_published
        return t

    def write(self, out):
        d = os.path.join(out, self.folder)
        if os.path.exists(d):
            shutil.rmtree(d)
        for rel, (data, _) in self.files.items():
            fp = os.path.join(d, "leak", rel)
            os.makedirs(os.path.dirname(fp), exist_ok=True)
            with open(fp, "wb") as fh:
                fh.write(data)
        with open(os.path.join(d, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(self.truth(), fh, ensure_ascii=False, indent=1, sort_keys=True)
            fh.write("\n")

    def compute_batches(self, order, published):
        seen_els = {}
        res = {}
        cum = set()
        for b in order:
            new, known = [], {}
            for p in self.persons:
                if b not in p.batch_els and not any(o["file"].startswith(b + "/") for o in p.occ) \
                        and not any(s.startswith(b + "/") for v in p.prov.values() for s in v):
                    continue
                els = p.batch_els.get(b, set())
                if p.tid not in seen_els:
                    new.append(p.tid)
                    seen_els[p.tid] = set(els)
                else:
                    add = els - seen_els[p.tid]
                    if add:
                        known[p.tid] = sorted(add)
                    seen_els[p.tid] |= els
                cum.add(p.tid)
            res[b] = {"new": new, "known_with_new_elements": known, "cumulative": len(cum)}
        self.batches = res
        self.batch_published = published

    # ---------------------------------------------------------- self-checks
    def check(self):
        errs = []
        texts = {}
        texts.update(self.virtual)
        for rel, (data, enc) in self.files.items():
            if enc == "binary":
                continue
            if enc == "utf-16le":
                texts[rel] = data.decode("utf-16")
            else:
                texts[rel] = data.decode(enc).lstrip("\ufeff")
        owners = collections.defaultdict(set)
        for p in self.persons:
            if not p.elements:
                errs.append(f"{p.tid}: no required elements")
            for t, v in p.ids:
                if t in idcodes.VALIDATORS and not idcodes.VALIDATORS[t](v):
                    errs.append(f"{p.tid}: invalid {t} {v}")
                if t == "email" and (v != v.strip().lower() or not re.fullmatch(
                        r"[a-z0-9._%+\-']+@([a-z0-9\-]+\.)*(example\.(com|net|org)|[a-z0-9\-]+\.test)", v)):
                    errs.append(f"{p.tid}: email not synthetic/normalised {v}")
                if t == "phone" and not re.fullmatch(r"\+\d{8,15}", v):
                    errs.append(f"{p.tid}: phone not E.164 {v}")
                if t == "phone" and v.startswith("+44") and not v.startswith("+447700900"):
                    errs.append(f"{p.tid}: UK phone outside fictional range {v}")
                if t == "phone" and v.startswith("+1") and not re.fullmatch(r"\+1\d{3}5550[1]\d\d", v):
                    errs.append(f"{p.tid}: US phone outside 555-01xx {v}")
                k = (t if t in ("email", "phone", "iban", "loyalty_card", "payment_card") else "nid",
                     re.sub(r"[\s\-+]", "", v).upper() if t not in ("email", "phone") else v)
                owners[k].add(p.tid)
            for o in p.occ:
                txt = texts.get(o["file"])
                if txt is None:
                    errs.append(f"{p.tid}: occurrence in unknown file {o['file']}")
                elif o["raw"] not in txt:
                    errs.append(f"{p.tid}: raw {o['raw']!r} not in {o['file']}")
                if (o["type"], o["value"]) not in p.ids:
                    errs.append(f"{p.tid}: occurrence value not an identifier")
            for e, srcs in p.prov.items():
                for s in srcs:
                    if s.split(" [")[0] not in self.files and s.split(" [")[0] not in self.virtual:
                        errs.append(f"{p.tid}: provenance to unknown file {s}")
        for rel, raw, tid in self.name_raws:
            if raw not in texts.get(rel, ""):
                errs.append(f"{tid}: name {raw!r} not in {rel}")
        for k, ts in owners.items():
            if len(ts) > 1 and not (k[0] == "email" and k[1] in self.households):
                errs.append(f"identifier {k} shared by {sorted(ts)}")
        for d in self.decoys:
            v = d["value"]
            if d["file"] not in texts:
                errs.append(f"decoy in unknown file {d}")
            elif v not in texts[d["file"]]:
                errs.append(f"decoy {v!r} not in {d['file']}")
            norm = re.sub(r"[\s\-+]", "", v).upper()
            for (c, val) in owners:
                if val == norm or val == v.strip().lower() or (c == "phone" and val == "+" + re.sub(r"\D", "", v)):
                    errs.append(f"decoy {v!r} equals an identifier of {sorted(owners[(c, val)])}")
            if d["kind"].endswith("bad_checksum") and idcodes.any_nid_valid(v):
                errs.append(f"decoy {v!r} ({d['kind']}) passes {idcodes.any_nid_valid(v)}")
        # tids unique, names distinct enough is a generator policy, not a check
        return errs
