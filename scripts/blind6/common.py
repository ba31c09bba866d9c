"""Documents, archives, persons and truth bookkeeping for blind6 (standard library only)."""
import collections
import csv
import gzip
import io
import json
import os
import tarfile
import unicodedata
import zipfile

import check

FIXED_ZIP_TIME = (2023, 3, 14, 9, 26, 40)
FIXED_EPOCH = 1678786000

NID_TYPES = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer",
             "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number"}
ID_ELEMENT = {"email": "email", "phone": "phone", "iban": "iban", "loyalty_card": "loyalty_card", "payment_card": "payment_card"}


class Doc:
    """One leaked file (or archive member).  `text` is written in `enc`; `views` names extra decodings used by the
    presence checks: 'unfold' (vCard/iCalendar line folding), 'ics' (iCalendar TEXT escapes), 'url' (percent-decoding),
    'html' (entities), 'json' (JSON string escapes), 'edi' (EDIFACT release character)."""

    def __init__(self, name, text="", enc="utf-8", bom=False, views=(), data=None, newline=None):
        self.name, self.text, self.enc, self.bom, self.views = name, text, enc, bom, set(views)
        self.data = data
        self.mail = False
        self.json_ascii = 2 if "json" in self.views else 0
        if newline and data is None:
            self.text = self.text.replace("\n", newline)

    def render(self):
        if self.data is not None:
            return self.data
        b = self.text.encode(self.enc)
        if self.bom:
            b = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(self.enc, b"") + b
        return b

    def decoded(self):
        if self.data is not None:
            return self.data.decode("utf-8", "replace")
        return self.text


class Archive:
    def __init__(self, name, kind, members):
        self.name, self.kind, self.members = name, kind, members

    def render(self):
        bio = io.BytesIO()
        if self.kind == "zip":
            with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
                for m in self.members:
                    zi = zipfile.ZipInfo(m.name, FIXED_ZIP_TIME)
                    zi.compress_type = zipfile.ZIP_DEFLATED
                    zi.external_attr = 0o644 << 16
                    z.writestr(zi, m.render())
        elif self.kind == "tar.gz":
            raw = io.BytesIO()
            with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as t:
                for m in self.members:
                    b = m.render()
                    ti = tarfile.TarInfo(m.name)
                    ti.size, ti.mtime, ti.mode, ti.uname, ti.gname = len(b), FIXED_EPOCH, 0o644, "root", "root"
                    t.addfile(ti, io.BytesIO(b))
            with gzip.GzipFile(fileobj=bio, mode="wb", mtime=FIXED_EPOCH, filename="") as g:
                g.write(raw.getvalue())
        elif self.kind == "gz":
            assert len(self.members) == 1
            with gzip.GzipFile(fileobj=bio, mode="wb", mtime=FIXED_EPOCH, filename="") as g:
                g.write(self.members[0].render())
        return bio.getvalue()

    def member_name(self, m):
        return f"{self.name}!/{m.name}"


class Person:
    def __init__(self, tid, name, lang="", controllers=(), note=""):
        self.tid, self.name, self.lang = tid, name, lang
        self.name_variants = []
        self.controllers = list(controllers)
        self.note = note
        self.occ = []
        self.elements = collections.OrderedDict()
        self.optional = collections.OrderedDict()
        self.name_occ = []
        self.attrs = {}

    def el(self, element, file, field="", required=True):
        d = self.elements if required else self.optional
        src = f"{file} [{field}]" if field else file
        d.setdefault(element, [])
        if src not in d[element]:
            d[element].append(src)

    def ident(self, typ, value, raw, file, field="", required=True):
        self.occ.append({"type": typ, "value": value, "raw": raw, "file": file, "field": field})
        self.el("national_id" if typ in NID_TYPES else ID_ELEMENT[typ], file, field, required)
        if typ in NID_TYPES and not (typ == "lv_personas_kods" and value.startswith("32")):
            self.el("date_of_birth", file, (field + " " if field else "") + "(derivable from the ID)", required=False)

    def named(self, rendered, file, field="name", required=True):
        """rendered: the string as written (or a list of parts written separately)."""
        self.name_occ.append((rendered, file))
        full = " ".join(rendered) if isinstance(rendered, (list, tuple)) else rendered
        if check.name_tokens(full) != check.name_tokens(self.name) and full not in self.name_variants and \
                all(check.name_tokens(full) != check.name_tokens(v) for v in self.name_variants):
            self.name_variants.append(full)
        self.el("name", file, field, required)

    def add_controller(self, c):
        if c not in self.controllers:
            self.controllers.append(c)


class Case:
    def __init__(self, slug, description, rng):
        self.slug, self.description, self.rng = slug, description, rng
        self.files = []          # Doc or Archive, names relative to leak/
        self.persons = []
        self.decoys = []
        self.extra = {}
        self.used = set()        # identifier keys handed out
        self.used_names = set()
        self.emails = set()

    # ---------------------------------------------------------- registry
    def person(self, name, lang="", controllers=(), note=""):
        p = Person(f"T{len(self.persons) + 1:05d}", name, lang, controllers, note)
        self.persons.append(p)
        return p

    def claim(self, typ, value):
        k = check.key_of(typ, value)
        if k in self.used:
            return False
        self.used.add(k)
        return True

    def unique_name(self, make, tries=200):
        for _ in range(tries):
            n = make()
            k = check.name_tokens(" ".join(n) if isinstance(n, tuple) else n)
            if k not in self.used_names:
                self.used_names.add(k)
                return n
        raise RuntimeError("name pool exhausted")

    def add(self, doc):
        self.files.append(doc)
        return doc

    def decoy(self, kind, value, file, field="", note="", must_fail=False, raw=None):
        if any(x["value"] == value for x in self.decoys):
            return
        d = {"kind": kind, "value": value, "file": file, "field": field, "note": note}
        if must_fail:
            d["must_fail"] = True
        if raw is not None and raw != value:
            d["raw"] = raw
        self.decoys.append(d)

    def all_docs(self):
        for f in self.files:
            if isinstance(f, Archive):
                for m in f.members:
                    d = Doc(f.member_name(m), m.text, m.enc, m.bom, m.views, m.data)
                    d.mail = m.mail
                    yield d
            else:
                yield f

    # ---------------------------------------------------------- truth
    def truth(self, batches=None, batch_published=None):
        persons = []
        per_el = collections.Counter()
        per_ctrl = collections.Counter()
        for p in self.persons:
            req = list(p.elements)
            opt = [e for e in p.optional if e not in p.elements]
            ids, seen = [], set()
            for o in p.occ:
                k = (o["type"], o["value"])
                if k not in seen:
                    seen.add(k)
                    ids.append({"type": o["type"], "value": o["value"]})
            for e in req:
                per_el[e] += 1
            for c in p.controllers:
                per_ctrl[c] += 1
            prov = {e: p.elements[e] for e in req}
            prov.update({e: p.optional[e] for e in opt})
            rec = {"tid": p.tid, "name": p.name, "name_variants": p.name_variants, "language": p.lang,
                   "identifiers": ids, "elements": req, "optional_elements": opt, "provenance": prov,
                   "occurrences": p.occ, "controllers": p.controllers, "note": p.note}
            rec.update(p.attrs)
            persons.append(rec)
        t = {"case": self.slug, "description": self.description, "files": sum(1 for _ in self.all_docs()),
             "expected": {"persons": len(persons), "per_element": dict(sorted(per_el.items())),
                          "per_controller": dict(sorted(per_ctrl.items()))},
             "persons": persons, "decoys": self.decoys}
        t.update(self.extra)
        if batches is not None:
            t["batches"] = batches
            t["batch_published"] = batch_published
        return t

    def batch_truth(self, names):
        """Case 4: per batch new / known_with_new_elements / cumulative from provenance prefixes batchN/."""
        def of(srcs, b):
            return any(s.startswith(b + "/") for s in srcs)
        out = {}
        seen_req = collections.defaultdict(set)
        seen_any = collections.defaultdict(set)
        cum = set()
        for b in names:
            new, known, unchanged = [], {}, []
            for p in self.persons:
                rb = {e for e, s in p.elements.items() if of(s, b)}
                ob = {e for e, s in p.optional.items() if of(s, b)} - set(p.elements)
                if not rb and not ob:
                    continue
                if p.tid not in cum:
                    if rb:
                        new.append(p.tid)
                        cum.add(p.tid)
                else:
                    add = rb - seen_req[p.tid] - seen_any[p.tid]
                    if add:
                        known[p.tid] = sorted(add)
                    else:
                        unchanged.append(p.tid)
                seen_req[p.tid] |= rb
                seen_any[p.tid] |= rb | ob
                p.attrs.setdefault("batches", []).append(b)
            out[b] = {"new": new, "known_with_new_elements": known, "unchanged": unchanged, "cumulative": len(cum)}
        return out

    # ---------------------------------------------------------- output
    def write(self, out_dir, truth):
        leak = os.path.join(out_dir, "leak")
        for f in self.files:
            path = os.path.join(leak, f.name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(f.render())
        with open(os.path.join(out_dir, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(truth, fh, ensure_ascii=False, indent=1)
            fh.write("\n")


# ------------------------------------------------------------------ text helpers

def csv_text(rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"):
    bio = io.StringIO()
    w = csv.writer(bio, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
    for r in rows:
        w.writerow(r)
    return bio.getvalue()


def fold(line, limit=75):
    """RFC 5545 / vCard 3.0 folding at `limit` octets (UTF-8 safe)."""
    b = line.encode("utf-8")
    if len(b) <= limit:
        return line
    parts, cur, first = [], b"", True
    for ch in line:
        cb = ch.encode("utf-8")
        lim = limit if first else limit - 1
        if len(cur) + len(cb) > lim:
            parts.append(cur.decode("utf-8"))
            cur, first = b"", False
        cur += cb
    parts.append(cur.decode("utf-8"))
    return "\r\n ".join(parts)


def ics_escape(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def strip_diacritics(s):
    import ids
    return ids.ascii_fold(s)


def pad(s, n):
    s = s[:n]
    return s + " " * (n - len(s))


def upper_fi(s):
    return s.upper()


def nfd(s):
    return unicodedata.normalize("NFD", s)
