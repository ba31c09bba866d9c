"""Persons, documents, archives, truth and the self-checks of blind7."""
import collections
import hashlib
import html
import json
import os
import re
import unicodedata

import fmt
from shared import check

NID_TYPES = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer",
             "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number"}
ELEMENT_OF = {"email": "email", "phone": "phone", "loyalty_card": "loyalty_card", "iban": "iban",
              "payment_card": "payment_card"}


def element_of(t):
    return "national_id" if t in NID_TYPES else ELEMENT_OF[t]


def key_of(t, v):
    return check.key_of(t, v)


# ---------------------------------------------------------------------------------------------- documents

class Doc:
    """One document: a file under leak/, or one member of an archive (named outer!/member).

    kind: text | mail | pdf | xlsx | ods | docx | zpl | xml  — decides the decoded views used by the checks.
    json_esc: 1 when the document writes JSON string escapes (\\u00f5, \\/, \\"), so raw values may be escaped.
    """

    def __init__(self, name, data, kind="text", enc="utf-8", json_esc=0):
        self.name, self.data, self.kind, self.enc, self.json_esc = name, data, kind, enc, json_esc
        self._views = None

    def views(self):
        if self._views is not None:
            return self._views
        d = self.data
        if self.kind == "mail":
            v = [fmt.mail_texts(d)]
        elif self.kind == "pdf":
            v = [fmt.pdf_text(d)]
        elif self.kind == "xlsx":
            v = [fmt.xlsx_text(d)]
        elif self.kind == "ods":
            v = [fmt.ods_text(d)]
        elif self.kind == "docx":
            v = [fmt.docx_text(d)]
        else:
            t = d.decode(self.enc)
            if t.startswith("\ufeff"):
                t = t[1:]
            v = [t]
            if self.kind == "xml":
                v.append(html.unescape(t))
            if self.kind == "zpl":
                v.append(fmt.zpl_unhex(t))
        self._views = v
        return v

    def contains(self, raw):
        cands = [raw, unicodedata.normalize("NFC", raw), unicodedata.normalize("NFD", raw)]
        if self.json_esc:
            cands += [json.dumps(c)[1:-1] for c in list(cands)]
            cands += [json.dumps(c, ensure_ascii=False)[1:-1] for c in list(cands)]
        return any(c in v for c in cands for v in self.views())


class Archive:
    def __init__(self, path, kind="zip"):
        self.path, self.kind, self.members = path, kind, []

    def name(self, member):
        return f"{self.path}!/{member}"

    def bytes(self):
        ms = [(m.name.split("!/", 1)[1], m.data) for m in self.members]
        return fmt.zip_bytes(ms) if self.kind == "zip" else fmt.targz_bytes(ms)


# ---------------------------------------------------------------------------------------------- persons

class Person:
    def __init__(self, tid, name, language, **kw):
        self.tid, self.name, self.language = tid, name, language
        self.variants = []
        self.ids = collections.OrderedDict()          # key -> (type, value)
        self.prov = collections.OrderedDict()         # element -> OrderedDict("file [field]" -> required bool)
        self.occ = []
        self.name_occ = []                            # (parts, file)
        self.val_occ = []                             # (element, raw, file)
        self.controllers = []
        self.note = ""
        self.household = None
        self.extra = {}
        for k, v in kw.items():
            setattr(self, k, v)

    # -- recording
    def el(self, element, file, field, req=True):
        d = self.prov.setdefault(element, collections.OrderedDict())
        k = f"{file} [{field}]"
        d[k] = d.get(k, False) or req

    def ident(self, t, value, raw, file, field, req=True, element=True):
        self.ids.setdefault(key_of(t, value), (t, value))
        self.occ.append({"type": t, "value": value, "raw": raw, "file": file, "field": field})
        if element:
            self.el(element_of(t), file, field, req)
        return raw

    def nm(self, parts, file, field, req=True):
        """A writing of the name. parts: the strings as they stand in the document (checked one by one)."""
        parts = [parts] if isinstance(parts, str) else list(parts)
        self.name_occ.append((parts, file))
        self.el("name", file, field, req)
        return " ".join(parts)

    def val(self, element, raw, file, field, req=True):
        """A non-identifier value (address, birth date, product …) whose writing is checked for presence."""
        self.val_occ.append((element, raw, file))
        self.el(element, file, field, req)
        return raw

    def ctrl(self, c):
        if c not in self.controllers:
            self.controllers.append(c)

    def variant(self, v):
        if v and v not in self.variants and name_tokens(v) != name_tokens(self.name):
            self.variants.append(v)

    # -- truth
    def required(self):
        return [e for e, d in self.prov.items() if any(d.values())]

    def optional(self):
        return [e for e, d in self.prov.items() if not any(d.values())]

    def batch_of(self, file):
        m = re.match(r"(batch\d+)/", file)
        return m.group(1) if m else None


def name_tokens(s):
    return check.name_tokens(s or "")


# ---------------------------------------------------------------------------------------------- case

class Case:
    def __init__(self, num, slug, description, rng):
        self.num, self.slug, self.description, self.rng = num, slug, description, rng
        self.persons = []
        self.docs = collections.OrderedDict()          # name -> Doc (files and archive members)
        self.outputs = collections.OrderedDict()       # path under leak/ -> Doc | Archive
        self.decoys = []
        self.extra = collections.OrderedDict()
        self.used_keys = set()
        self.used_names = set()
        self.household_emails = collections.OrderedDict()

    # -- persons
    def person(self, name, language, **kw):
        p = Person(f"T{len(self.persons) + 1:05d}", name, language, **kw)
        self.persons.append(p)
        return p

    def claim(self, t, v):
        """Reserve an identifier value for one person; False when already taken."""
        k = key_of(t, v)
        if k in self.used_keys:
            return False
        self.used_keys.add(k)
        return True

    def claim_name(self, name):
        k = name_tokens(name)
        if k in self.used_names:
            return False
        self.used_names.add(k)
        return True

    def drop_unwritten(self):
        """Drop persons nothing was written about and renumber; notes and households follow the new ids."""
        keep = [p for p in self.persons if p.prov]
        remap = {p.tid: f"T{i:05d}" for i, p in enumerate(keep, 1)}
        for p in keep:
            p.tid = remap[p.tid]
        for p in keep:
            p.note = re.sub(r"T\d{5}", lambda m: remap.get(m.group(0), m.group(0)), p.note)
        for e, tids in self.household_emails.items():
            self.household_emails[e] = [remap[t] for t in tids if t in remap]
        self.persons = keep

    # -- documents
    def add(self, path, data, kind="text", enc="utf-8", json_esc=0):
        if isinstance(data, str):
            data = data.encode(enc)
        d = Doc(path, data, kind, enc, json_esc)
        assert path not in self.outputs, path
        self.docs[path] = d
        self.outputs[path] = d
        return d

    def archive(self, path, kind="zip"):
        a = Archive(path, kind)
        assert path not in self.outputs, path
        self.outputs[path] = a
        return a

    def member(self, arch, member, data, kind="text", enc="utf-8", json_esc=0):
        if isinstance(data, str):
            data = data.encode(enc)
        d = Doc(arch.name(member), data, kind, enc, json_esc)
        arch.members.append(d)
        self.docs[d.name] = d
        return d

    def decoy(self, kind, value, file, field, note="", must_fail=False, raw=None):
        d = {"kind": kind, "value": value, "file": file, "field": field, "note": note}
        if must_fail:
            d["must_fail"] = True
        if raw is not None and raw != value:
            d["raw"] = raw
        self.decoys.append(d)

    def household(self, email_value, members):
        self.household_emails[email_value] = [p.tid for p in members]
        for p in members:
            others = [q.tid for q in members if q is not p]
            p.household = email_value
            p.note = (p.note + "; " if p.note else "") + f"household e-mail shared with {', '.join(others)}"

    # -- output
    def file_bytes(self):
        out = collections.OrderedDict()
        for path in sorted(self.outputs):
            o = self.outputs[path]
            out[path] = o.bytes() if isinstance(o, Archive) else o.data
        return out

    def truth(self, batches=None, batch_published=None):
        persons = []
        per_el = collections.Counter()
        per_ctrl = collections.Counter()
        for p in self.persons:
            req = p.required()
            for e in req:
                per_el[e] += 1
            for c in p.controllers:
                per_ctrl[c] += 1
            t = collections.OrderedDict()
            t["tid"] = p.tid
            t["name"] = p.name if "name" in p.prov else ""
            t["name_variants"] = p.variants if "name" in p.prov else []
            t["language"] = p.language
            t["identifiers"] = [{"type": a, "value": b} for a, b in p.ids.values()]
            t["elements"] = req
            t["optional_elements"] = p.optional()
            t["provenance"] = {e: list(d.keys()) for e, d in p.prov.items()}
            t["occurrences"] = p.occ
            t["controllers"] = p.controllers
            t["note"] = p.note
            if batches:
                t["batches"] = sorted({p.batch_of(f.split(" [")[0]) for d in p.prov.values() for f in d})
            for k, v in p.extra.items():
                t[k] = v
            persons.append(t)
        files = len(self.outputs)
        out = collections.OrderedDict()
        out["case"] = f"case{self.num}_{self.slug}"
        out["description"] = self.description
        out["files"] = files
        out["documents"] = len(self.docs)
        out["expected"] = {"persons": len(persons), "per_element": dict(sorted(per_el.items())),
                           "per_controller": dict(sorted(per_ctrl.items()))}
        out["persons"] = persons
        out["decoys"] = self.decoys
        if self.household_emails:
            out["household_emails"] = self.household_emails
        if batches:
            out["batches"] = self.batch_truth(batches)
            out["batch_published"] = batch_published
        for k, v in self.extra.items():
            out[k] = v
        return out

    def batch_truth(self, batches):
        res = collections.OrderedDict()
        seen_req = collections.defaultdict(set)     # tid -> elements required in earlier batches
        seen_any = collections.defaultdict(set)     # tid -> elements required or optional earlier
        known = set()
        for b in batches:
            new, knw, unch = [], collections.OrderedDict(), []
            cur_req, cur_any = collections.defaultdict(set), collections.defaultdict(set)
            for p in self.persons:
                for e, d in p.prov.items():
                    for src, req in d.items():
                        if p.batch_of(src) == b:
                            cur_any[p.tid].add(e)
                            if req:
                                cur_req[p.tid].add(e)
            for p in self.persons:
                if p.tid not in cur_any:
                    continue
                if p.tid not in known:
                    if cur_req[p.tid]:
                        new.append(p.tid)
                        known.add(p.tid)
                    continue
                fresh = sorted(cur_req[p.tid] - seen_any[p.tid])
                if fresh:
                    knw[p.tid] = fresh
                else:
                    unch.append(p.tid)
            for tid, es in cur_any.items():
                seen_any[tid] |= es
            for tid, es in cur_req.items():
                seen_req[tid] |= es
            res[b] = {"new": new, "known_with_new_elements": knw, "unchanged": unch, "cumulative": len(known)}
        return res


# ---------------------------------------------------------------------------------------------- self-checks

def self_check(case):
    errs = []
    docs = case.docs
    owner = {}
    shared_ok = {key_of("email", e): tids for e, tids in case.household_emails.items()}
    for p in case.persons:
        if not p.required():
            errs.append(f"{p.tid}: no required element")
        if not p.name and "name" in p.prov:
            errs.append(f"{p.tid}: name element without a name")
        for o in p.occ:
            v = check.VALIDATORS.get(o["type"])
            if v is None:
                errs.append(f"{p.tid}: no validator for {o['type']}")
            elif not v(o["value"]):
                errs.append(f"{p.tid}: {o['type']} {o['value']!r} fails its check")
            if o["type"] == "email" and o["value"] != o["raw"].strip().lower():
                errs.append(f"{p.tid}: e-mail {o['raw']!r} does not normalise to {o['value']!r}")
            d = docs.get(o["file"])
            if d is None:
                errs.append(f"{p.tid}: occurrence in unknown document {o['file']}")
            elif not d.contains(o["raw"]):
                errs.append(f"{p.tid}: raw {o['raw']!r} not in {o['file']}")
            if o["type"] == "phone" and re.sub(r"\D", "", o["raw"])[-6:] != o["value"][-6:]:
                errs.append(f"{p.tid}: phone {o['raw']!r} does not end like {o['value']}")
        for k, (t, v) in p.ids.items():
            prev = owner.setdefault(k, p.tid)
            if prev != p.tid and not (k in shared_ok and p.tid in shared_ok[k] and prev in shared_ok[k]):
                errs.append(f"identifier {k} held by {prev} and {p.tid}")
        for parts, fname in p.name_occ:
            d = docs.get(fname)
            for part in parts:
                if d is None or not d.contains(part):
                    errs.append(f"{p.tid}: name part {part!r} not in {fname}")
            full = " ".join(parts)
            if name_tokens(full) != name_tokens(p.name) and all(name_tokens(full) != name_tokens(v) for v in p.variants):
                errs.append(f"{p.tid}: written name {full!r} is neither {p.name!r} nor a variant {p.variants}")
        for el, raw, fname in p.val_occ:
            d = docs.get(fname)
            if d is None or not d.contains(raw):
                errs.append(f"{p.tid}: {el} value {raw!r} not in {fname}")
        for el, d in p.prov.items():
            for s in d:
                if s.split(" [")[0] not in docs:
                    errs.append(f"{p.tid}: provenance {s} names an unknown document")
    by_name = collections.defaultdict(list)
    for p in case.persons:
        if "name" in p.prov:
            by_name[name_tokens(p.name)].append(p)
    for p in case.persons:
        if "name" in p.prov and not p.ids and len(by_name[name_tokens(p.name)]) > 1:
            errs.append(f"{p.tid}: no identifier and a name shared with {[q.tid for q in by_name[name_tokens(p.name)] if q is not p]}")
    for d in case.decoys:
        v = d["value"]
        ks = {key_of("email", v)} if "@" in v else {key_of("nid", v), key_of("iban", v), key_of("phone", v)}
        if ks & set(owner):
            errs.append(f"decoy {v!r} ({d['kind']}) equals a person's identifier")
        if d.get("must_fail") and check.any_person_id(v):
            errs.append(f"decoy {v!r} ({d['kind']}) passes a national-ID check")
        doc = docs.get(d["file"])
        if doc is None or not doc.contains(d.get("raw", v)):
            errs.append(f"decoy {v!r} not in {d['file']}")
    for path in case.outputs:
        if path.startswith("/") or ".." in path.split("/"):
            errs.append(f"bad output path {path}")
    return errs


def digest(files):
    h = hashlib.sha256()
    for path, data in files.items():
        h.update(path.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def write_case(out_dir, case, files, truth):
    cdir = os.path.join(out_dir, f"case{case.num}_{case.slug}")
    leak = os.path.join(cdir, "leak")
    for path, data in files.items():
        full = os.path.join(leak, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as fh:
            fh.write(data)
    with open(os.path.join(cdir, "truth.json"), "w", encoding="utf-8") as fh:
        json.dump(truth, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return cdir
