"""Persons, documents, archives and the truth builder shared by the five cases."""
import csv
import gzip
import io
import json
import os
import tarfile
import zipfile

NID_TYPES = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer",
             "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number"}
ELEMENT_OF = {"email": "email", "phone": "phone", "iban": "iban", "loyalty_card": "loyalty_card", "payment_card": "payment_card"}
ELEMENT_OF.update({t: "national_id" for t in NID_TYPES})
DOB_IN_ID = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer", "dk_cpr",
             "pl_pesel"}


class Person:
    def __init__(self, tid, given, surname, lang, female=False, country=None):
        self.tid = tid
        self.given, self.surname = given, surname
        self.name = f"{given} {surname}"
        self.name_variants = []
        self.lang = lang
        self.female = female
        self.country = country
        self.a = {}                       # free attributes (dob, address, phones, e-mails, ...)
        self.elements = {}                # element -> [provenance]
        self.optional = {}
        self.occ = []
        self.ids = []                     # [(type, value)] in first-seen order
        self.name_occ = []
        self.note = []
        self.controllers = set()
        self.batch_req = {}
        self.batch_opt = {}


class Doc:
    def __init__(self, name, encoding="utf-8", newline="\n", bom=False, batch=None, json_ascii=0, mail=False):
        self.name = name
        self.encoding = encoding
        self.newline = newline
        self.bom = bom
        self.batch = batch
        self.json_ascii = json_ascii     # 1: JSON with \\u escapes, 2: JSON text inside a JSON string
        self.mail = mail
        self.buf = []
        self._bytes = None

    def w(self, s):
        self.buf.append(s)

    def line(self, s=""):
        self.buf.append(s + "\n")

    def csv_rows(self, rows, delimiter=",", quoting=csv.QUOTE_MINIMAL):
        sio = io.StringIO()
        wr = csv.writer(sio, delimiter=delimiter, quoting=quoting, lineterminator="\n")
        for r in rows:
            wr.writerow(r)
        self.buf.append(sio.getvalue())

    def text(self):
        return "".join(self.buf)

    def render(self):
        if self._bytes is None:
            t = self.text()
            if self.newline != "\n":
                t = t.replace("\n", self.newline)
            b = t.encode(self.encoding)
            if self.bom:
                b = {"utf-8": b"\xef\xbb\xbf", "utf-16-be": b"\xfe\xff", "utf-16-le": b"\xff\xfe"}[self.encoding] + b
            self._bytes = b
        return self._bytes

    def decoded(self):
        b = self.render()
        t = b.decode(self.encoding)
        return t.lstrip("\ufeff")


class Archive:
    """A zip or tar.gz holding member documents.  Members are named `archive!/member` in the truth."""

    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
        self.members = []

    def add(self, member, **kw):
        d = Doc(f"{self.name}!/{member}", **kw)
        d.member = member
        self.members.append(d)
        return d

    def render(self):
        bio = io.BytesIO()
        if self.kind == "zip":
            with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
                for d in self.members:
                    zi = zipfile.ZipInfo(d.member, date_time=(2019, 11, 4, 8, 30, 0))
                    zi.compress_type = zipfile.ZIP_DEFLATED
                    zi.external_attr = 0o644 << 16
                    z.writestr(zi, d.render())
            return bio.getvalue()
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as t:
            dirs = set()
            for d in self.members:
                parts = d.member.split("/")[:-1]
                for i in range(1, len(parts) + 1):
                    dp = "/".join(parts[:i])
                    if dp not in dirs:
                        dirs.add(dp)
                        ti = tarfile.TarInfo(dp)
                        ti.type = tarfile.DIRTYPE
                        ti.mode = 0o755
                        ti.mtime = 1700000000
                        ti.uname = ti.gname = "backup"
                        t.addfile(ti)
                data = d.render()
                ti = tarfile.TarInfo(d.member)
                ti.size = len(data)
                ti.mode = 0o644
                ti.mtime = 1700000000
                ti.uname = ti.gname = "backup"
                t.addfile(ti, io.BytesIO(data))
        out = io.BytesIO()
        with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="") as g:
            g.write(raw.getvalue())
        return out.getvalue()


class Case:
    def __init__(self, key, title, rng):
        self.key = key
        self.title = title
        self.rng = rng
        self.files = []            # Doc or Archive, written to leak/
        self.persons = []
        self.decoys = []
        self._decoy_seen = set()
        self.batches = None        # case 4: ordered list of batch names
        self.batch_published = {}
        self.extra = {}            # extra top-level truth keys
        self.scratch = {}          # generator state, never written

    # -------------------------------------------------------------- documents
    def doc(self, name, **kw):
        d = Doc(name, **kw)
        self.files.append(d)
        return d

    def archive(self, name, kind):
        a = Archive(name, kind)
        self.files.append(a)
        return a

    def all_docs(self):
        for f in self.files:
            if isinstance(f, Archive):
                yield from f.members
            else:
                yield f

    # -------------------------------------------------------------- persons
    def person(self, given, surname, lang, **kw):
        p = Person(f"{self.key[:5]}-{len(self.persons) + 1:05d}", given, surname, lang, **kw)
        self.persons.append(p)
        return p

    def expose(self, p, element, doc, field, optional=False):
        prov = f"{doc.name} [{field}]"
        (p.optional if optional else p.elements).setdefault(element, [])
        lst = (p.optional if optional else p.elements)[element]
        if prov not in lst:
            lst.append(prov)
        b = getattr(doc, "batch", None)
        if b:
            (p.batch_opt if optional else p.batch_req).setdefault(b, set()).add(element)

    def ident(self, p, typ, value, raw, doc, field):
        p.occ.append({"type": typ, "value": value, "raw": raw, "file": doc.name, "field": field})
        if (typ, value) not in p.ids:
            p.ids.append((typ, value))
        self.expose(p, ELEMENT_OF[typ], doc, field)
        return raw

    def name(self, p, rendered, doc, field, optional=False):
        p.name_occ.append((rendered, doc.name))
        self.expose(p, "name", doc, field, optional)
        return rendered

    def decoy(self, value, kind, doc, field, raw=None, must_fail=False):
        k = (value, doc.name)
        if k in self._decoy_seen:
            return raw or value
        self._decoy_seen.add(k)
        d = {"value": value, "kind": kind, "file": doc.name, "field": field}
        if raw and raw != value:
            d["raw"] = raw
        if must_fail:
            d["must_fail"] = True
        self.decoys.append(d)
        return raw or value

    # -------------------------------------------------------------- truth
    def finalize(self):
        """A birth date that can only be read out of a national ID is optional (the docs do not say either way)."""
        docs = {d.name: d for d in self.all_docs()}
        for p in self.persons:
            for o in list(p.occ):
                if o["type"] in DOB_IN_ID and not (o["type"] == "lv_personas_kods" and o["value"].startswith("32")):
                    self.expose(p, "date_of_birth", docs[o["file"]], o["field"] + " (derived from ID)", optional=True)

    def truth(self, nfiles):
        persons = []
        per = {}
        for p in self.persons:
            req = sorted(p.elements)
            opt = sorted(set(p.optional) - set(p.elements))
            for e in req:
                per[e] = per.get(e, 0) + 1
            prov = {e: sorted(set(p.elements.get(e, []) + p.optional.get(e, []))) for e in sorted(set(p.elements) | set(p.optional))}
            rec = {"tid": p.tid, "name": p.name, "name_variants": p.name_variants, "language": p.lang,
                   "identifiers": [{"type": t, "value": v} for t, v in p.ids],
                   "elements": req, "optional_elements": opt, "occurrences": p.occ, "provenance": prov,
                   "note": "; ".join(p.note)}
            if p.controllers:
                rec["controllers"] = sorted(p.controllers)
            if self.batches:
                rec["batches"] = sorted(b for b in p.batch_req)
            persons.append(rec)
        t = {"case": self.key, "title": self.title, "generator": "scripts/blind5/gen.py", "files": nfiles,
             "documents": sum(1 for _ in self.all_docs()),
             "expected": {"persons": len(persons), "per_element": dict(sorted(per.items()))},
             "persons": persons,
             "decoys": [{k: v for k, v in d.items() if k != "must_fail"} for d in self.decoys]}
        t.update(self.extra)
        if self.batches:
            t["batches"], t["batch_published"] = self.batch_truth(), dict(self.batch_published)
        return t

    def batch_truth(self):
        out = {}
        seen_req, seen_opt, known = {}, {}, set()
        for b in self.batches:
            new, kn = [], {}
            for p in self.persons:
                r = p.batch_req.get(b, set())
                if not r:
                    continue
                if p.tid not in known:
                    new.append(p.tid)
                else:
                    prev = seen_req.get(p.tid, set()) | seen_opt.get(p.tid, set())
                    add = sorted(r - prev)
                    if add:
                        kn[p.tid] = add
            for p in self.persons:
                if p.batch_req.get(b):
                    known.add(p.tid)
                seen_req.setdefault(p.tid, set()).update(p.batch_req.get(b, set()))
                seen_opt.setdefault(p.tid, set()).update(p.batch_opt.get(b, set()))
            out[b] = {"new": new, "known_with_new_elements": kn, "cumulative": len(known)}
        return out

    # -------------------------------------------------------------- writing
    def write(self, outdir):
        cdir = os.path.join(outdir, self.key)
        leak = os.path.join(cdir, "leak")
        n = 0
        for f in self.files:
            path = os.path.join(leak, f.name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(f.render())
            n += 1
        with open(os.path.join(cdir, "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(self.truth(n), fh, ensure_ascii=False, indent=1, sort_keys=False)
            fh.write("\n")
        return n


def unique_name(used, pick, tries=200):
    """Draw (given, surname, female) from pick() until the name is new in `used` (token-normalised)."""
    from check import name_tokens
    for _ in range(tries):
        g, s, f = pick()
        k = name_tokens(f"{g} {s}")
        if k not in used:
            used.add(k)
            return g, s, f
    raise RuntimeError("names exhausted")
