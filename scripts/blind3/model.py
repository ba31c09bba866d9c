"""Documents of a leak, the truth built while writing them, and the self-checks."""
import base64
import collections
import gzip
import io
import json
import os
import quopri
import re
import tarfile
import unicodedata
import zipfile

FIXED_TIME = (2023, 9, 30, 12, 0, 0)
ELEMENT_OF = {"email": "email", "phone": "phone", "iban": "iban", "loyalty_card": "loyalty_card",
              "payment_card": "payment_card"}
_SPECIAL = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "œ": "oe", "ß": "ss",
                          "đ": "d", "Đ": "d", "ı": "i", "þ": "th"})


def fold(s):
    s = unicodedata.normalize("NFKD", s.translate(_SPECIAL).casefold())
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def name_key(s):
    """Order- and case-insensitive name key, diacritics folded (ł, ø, æ too); middle initials ignored."""
    toks = [t for t in re.split(r"[^\w]+", fold(s)) if t and t != "_"]
    long = [t for t in toks if len(t) > 1]
    return tuple(sorted(long if len(long) >= 2 else toks))


def score_tokens(s):
    """The scorer's own tokenisation (no special-letter folding): decides which spellings go to name_variants."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return tuple(sorted(t for t in re.split(r"[^\w]+", s) if t and t != "_"))


def id_key(typ, value):
    if typ == "email":
        return "email:" + value.strip().lower()
    if typ == "phone":
        return "phone:+" + re.sub(r"\D", "", value)
    if typ in ("iban", "loyalty_card", "payment_card"):
        return typ + ":" + re.sub(r"[\s\-]", "", value).upper()
    s = re.sub(r"[\s\-+]", "", value).upper()
    if len(s) == 12 and s.isdigit() and s[:2] in ("19", "20"):
        s = s[2:]
    return "nid:" + s


TRUNK = {"358": "0", "44": "0", "370": "8", "46": "0", "1": "1"}


def raw_encodes(typ, value, raw):
    """Does the raw text, read by its usual conventions, give exactly this value?"""
    if typ == "email":
        r = raw.replace("&#64;", "@").replace("%40", "@").strip().strip("\u00a0").lower()
        return r == value
    if typ == "phone":
        d = re.sub(r"\D", "", raw.replace("(0)", ""))
        full = value[1:]
        for cc in sorted(TRUNK, key=len, reverse=True) + ["372", "48", "371", "47", "45"]:
            if full.startswith(cc):
                nat = full[len(cc):]
                break
        ok = {full, "00" + full, nat, TRUNK.get(cc, "") + nat}
        return d in ok
    if typ in ("iban", "loyalty_card", "payment_card"):
        return re.sub(r"[\s\-]", "", raw).upper() == re.sub(r"[\s\-]", "", value).upper()
    return id_key(typ, raw) == id_key(typ, value)


# ------------------------------------------------------------------ documents

class Doc:
    """One document: a file, or a member of an archive or mail (name 'outer.zip!/inner.csv')."""

    def __init__(self, name, encoding="utf-8", newline="\n", bom=False):
        self.name, self.encoding, self.newline, self.bom = name, encoding, newline, bom
        self.parts = []
        self.raw_bytes = None
        self._cache = None

    def w(self, s):
        self.parts.append(s)
        self._cache = None

    def ln(self, s=""):
        self.w(s + self.newline)

    def text(self):
        return "".join(self.parts)

    def data(self):
        if self.raw_bytes is not None:
            return self.raw_bytes
        if self._cache is None:
            b = self.text().encode(self.encoding)
            if self.bom:
                b = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[self.encoding] + b
            self._cache = b
        return self._cache

    def contains(self, raw):
        return raw.encode(self.encoding) in self.data()


class Leak:
    def __init__(self, root):
        self.root = root
        self.files = collections.OrderedDict()     # relative path -> spec
        self.docs = collections.OrderedDict()      # document name -> Doc (what truth refers to)

    def doc(self, path, **kw):
        d = Doc(path, **kw)
        self.files[path] = ("doc", d)
        self.docs[path] = d
        return d

    def binary(self, path, data):
        d = Doc(path)
        d.raw_bytes = data
        self.files[path] = ("doc", d)
        return d

    def copy(self, path, doc):
        """An exact duplicate of a document under another name."""
        d = Doc(path, encoding=doc.encoding, newline=doc.newline, bom=doc.bom)
        d.parts = list(doc.parts)
        self.files[path] = ("doc", d)
        self.docs[path] = d
        return d

    def member(self, outer, inner, **kw):
        d = Doc(f"{outer}!/{inner}", **kw)
        self.docs[d.name] = d
        return d

    def zip(self, path, members):
        self.files[path] = ("zip", members)

    def gz(self, path, member):
        self.files[path] = ("gz", member)

    def tgz(self, path, members):
        self.files[path] = ("tgz", members)

    def eml(self, path, headers, body, attachments=(), qp=False):
        """body: a Doc made with member(path, 'body.txt'); attachments: Docs made with member()."""
        self.files[path] = ("eml", headers, body, list(attachments), qp)

    # ------------------------------------------------------------------ writing
    @staticmethod
    def _eml_bytes(headers, body, atts, qp):
        nl = "\r\n"
        out = [f"{k}: {v}" for k, v in headers]
        out.append("MIME-Version: 1.0")
        btext = body.text()
        if qp:
            enc = quopri.encodestring(btext.encode("utf-8")).decode("ascii").replace("\n", nl)
            benc = "quoted-printable"
        else:
            enc = btext.replace("\r\n", "\n").replace("\n", nl)
            benc = "8bit"
        if not atts:
            out += ["Content-Type: text/plain; charset=utf-8", f"Content-Transfer-Encoding: {benc}", "", enc]
            return nl.join(out).encode("utf-8")
        bnd = f"----=_Part_{len(btext) * 7919 % 10**8:08d}"
        out += [f'Content-Type: multipart/mixed; boundary="{bnd}"', "", "This is a multi-part message in MIME format.",
                f"--{bnd}", "Content-Type: text/plain; charset=utf-8", f"Content-Transfer-Encoding: {benc}", "", enc]
        for a in atts:
            fname = a.name.split("!/")[-1]
            b64 = base64.encodebytes(a.data()).decode("ascii").replace("\n", nl)
            ctype = "text/csv" if fname.endswith(".csv") else "text/plain"
            out += [f"--{bnd}", f'Content-Type: {ctype}; charset={a.encoding}; name="{fname}"',
                    "Content-Transfer-Encoding: base64", f'Content-Disposition: attachment; filename="{fname}"', "", b64]
        out.append(f"--{bnd}--")
        out.append("")
        return nl.join(out).encode("utf-8")

    def write(self):
        for path, spec in self.files.items():
            full = os.path.join(self.root, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            kind = spec[0]
            if kind == "doc":
                data = spec[1].data()
            elif kind == "zip":
                bio = io.BytesIO()
                with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
                    for m in spec[1]:
                        zi = zipfile.ZipInfo(m.name.split("!/", 1)[1], FIXED_TIME)
                        zi.compress_type = zipfile.ZIP_DEFLATED
                        z.writestr(zi, m.data())
                data = bio.getvalue()
            elif kind == "tgz":
                bio = io.BytesIO()
                with tarfile.open(fileobj=bio, mode="w", format=tarfile.USTAR_FORMAT) as t:
                    for m in spec[1]:
                        b = m.data()
                        ti = tarfile.TarInfo(m.name.split("!/", 1)[1])
                        ti.size, ti.mtime, ti.mode = len(b), 1696075200, 0o644
                        t.addfile(ti, io.BytesIO(b))
                gz = io.BytesIO()
                with gzip.GzipFile(fileobj=gz, mode="wb", mtime=0, filename="") as g:
                    g.write(bio.getvalue())
                data = gz.getvalue()
            elif kind == "gz":
                gz = io.BytesIO()
                with gzip.GzipFile(fileobj=gz, mode="wb", mtime=0, filename="") as g:
                    g.write(spec[1].data())
                data = gz.getvalue()
            elif kind == "eml":
                data = self._eml_bytes(*spec[1:])
            with open(full, "wb") as fh:
                fh.write(data)

    def file_count(self):
        return len(self.files)


# ------------------------------------------------------------------ truth

class Person:
    def __init__(self, tid, **attrs):
        self.tid = tid
        self.lang = "en"
        self.__dict__.update(attrs)
        self.ids = collections.OrderedDict()
        self.req, self.opt = set(), set()
        self.prov = collections.defaultdict(list)
        self.occ = []
        self._occ_seen = set()
        self.written_names = []
        self.controllers = []
        self.notes = []
        self.records = []
        self.seen_batch = {}                               # element -> first batch with any exposure
        self.req_batch = collections.defaultdict(set)      # batch -> required elements exposed in it
        self.any_batch = collections.defaultdict(set)      # batch -> all elements exposed in it

    @property
    def full(self):
        return f"{self.given} {self.family}"


class Rec:
    """One record (row, block, line) of one document about one person."""

    def __init__(self, truth, doc, person, batch=None):
        self.truth, self.doc, self.p, self.batch = truth, doc, person, batch
        self.keys = set()
        self.names, self.dobs, self.addrs = [], [], []
        person.records.append(self)
        truth.records.append(self)

    def el(self, element, field, opt=False):
        p = self.p
        (p.opt if opt else p.req).add(element)
        src = f"{self.doc.name} [{field}]"
        if src not in p.prov[element] and len(p.prov[element]) < 40:
            p.prov[element].append(src)
        if self.batch:
            p.any_batch[self.batch].add(element)
            if not opt:
                p.req_batch[self.batch].add(element)
        return self

    def id(self, typ, value, raw, field, weak=False, opt=False):
        """An identifier value written as `raw`. weak: a form a reader can hardly use (lost leading zero)."""
        self.truth.expect_raw(self.doc, raw, f"{self.p.tid} {typ}")
        p = self.p
        p.ids.setdefault((typ, value), True)
        k = (typ, value, self.doc.name, field, raw)
        if k not in p._occ_seen:
            p._occ_seen.add(k)
            o = {"type": typ, "value": value, "file": self.doc.name, "field": field, "raw": raw}
            if weak:
                o["weak"] = True
            p.occ.append(o)
        self.el(ELEMENT_OF.get(typ, "national_id"), field, opt=opt or weak)
        if not weak:
            self.keys.add(id_key(typ, value))
        return self

    def name(self, written, field, opt=False):
        self.truth.expect_raw(self.doc, written, f"{self.p.tid} name", name=True)
        self.p.written_names.append(written)
        self.names.append(name_key(written))
        return self.el("name", field, opt)

    def name2(self, given, family, fg, ff, opt=False):
        """A name written in two fields (first name, last name)."""
        self.truth.expect_raw(self.doc, given, f"{self.p.tid} given name", name=True)
        self.truth.expect_raw(self.doc, family, f"{self.p.tid} family name", name=True)
        full = f"{given} {family}"
        self.p.written_names.append(full)
        self.names.append(name_key(full))
        return self.el("name", f"{fg}+{ff}", opt)

    def dob(self, date, raw, field, opt=False):
        self.truth.expect_raw(self.doc, raw, f"{self.p.tid} dob")
        self.dobs.append(date.isoformat())
        return self.el("date_of_birth", field, opt)

    def addr(self, aid, raw, field, opt=False):
        """aid: the canonical address (same place, whatever the spelling); raw: str or list of its written parts."""
        for part in raw if isinstance(raw, (list, tuple)) else [raw]:
            self.truth.expect_raw(self.doc, part, f"{self.p.tid} address", name=True)
        self.addrs.append(aid)
        return self.el("postal_address", field, opt)

    def key(self, k):
        """A linking value that is not a personal identifier (a lab's sample id)."""
        self.keys.add(k)
        return self

    def link_keys(self):
        ks = {k for k in self.keys if k not in self.truth.shared}
        for n in self.names:
            for k in self.keys & self.truth.shared:
                ks.add(("name+shared", n, k))       # a household e-mail plus the name tells the members apart
            for d in self.dobs:
                ks.add(("name+dob", n, d))
            for a in self.addrs:
                ks.add(("name+addr", n, a))
        return ks


class Truth:
    def __init__(self, case, leak):
        self.case, self.leak = case, leak
        self.persons = collections.OrderedDict()
        self.records = []
        self.decoys = []
        self.shared = set()          # identifier keys deliberately shared by several persons (household e-mail)
        self._expect = []

    def person(self, tid, **attrs):
        p = Person(tid, **attrs)
        self.persons[tid] = p
        return p

    def rec(self, doc, person, batch=None):
        return Rec(self, doc, person, batch)

    def expect_raw(self, doc, raw, what, name=False):
        self._expect.append((doc, raw, what, name))

    def decoy(self, value, kind, doc, field, raw=None):
        self.expect_raw(doc, raw or value, f"decoy {kind}")
        if not any(d["value"] == value and d["file"] == doc.name for d in self.decoys):
            self.decoys.append({"value": value, "kind": kind, "file": doc.name, "field": field})

    # ------------------------------------------------------------------ checks
    def check(self):
        errs = []
        for doc, raw, what, name in self._expect:
            if doc.contains(raw):
                continue
            if name and json.dumps(raw)[1:-1] in doc.text():
                continue    # a JSON document that writes non-ASCII as \u escapes
            errs.append(f"{what}: {raw!r} not in {doc.name} ({doc.encoding})")
        for p in self.persons.values():
            for o in p.occ:
                if not raw_encodes(o["type"], o["value"], o["raw"]) and not o.get("weak"):
                    errs.append(f"{p.tid}: raw {o['raw']!r} in {o['file']} does not encode {o['type']} {o['value']}")
        owner = {}
        for p in self.persons.values():
            for (t, v) in p.ids:
                k = id_key(t, v)
                if k in owner and owner[k] != p.tid and k not in self.shared:
                    errs.append(f"identifier {k} on {owner[k]} and {p.tid}")
                owner.setdefault(k, p.tid)
        dk = {d["value"] for d in self.decoys}
        for k in owner:
            v = k.split(":", 1)[1]
            if v in dk:
                errs.append(f"decoy value {v} is also a person's identifier")
        wk = {}
        for r in self.records:
            for k in r.link_keys():
                if isinstance(k, tuple):
                    if k in wk and wk[k] != r.p.tid:
                        errs.append(f"weak key {k} on {wk[k]} and {r.p.tid}")
                    wk.setdefault(k, r.p.tid)
        parent = list(range(len(self.records)))

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i
        first = {}
        for i, r in enumerate(self.records):
            for k in r.link_keys():
                if k in first:
                    a, b = find(i), find(first[k])
                    if a != b:
                        parent[a] = b
                else:
                    first[k] = i
        idx = {id(r): i for i, r in enumerate(self.records)}
        for p in self.persons.values():
            if not p.records:
                errs.append(f"{p.tid}: no records")
                continue
            groups = collections.defaultdict(set)
            for r in p.records:
                groups[find(idx[id(r)])].add(r.doc.name)
            if len(groups) > 1:
                errs.append(f"{p.tid} {p.full}: records not linkable, {len(groups)} groups: " +
                            " || ".join(", ".join(sorted(g))[:160] for g in groups.values()))
        return errs

    # ------------------------------------------------------------------ output
    def person_json(self, p):
        name = p.full if "name" in p.req | p.opt else ""
        canon = score_tokens(name)
        variants = []
        for w in p.written_names:
            if score_tokens(w) != canon and w not in variants and len(variants) < 8:
                variants.append(w)
        d = {"tid": p.tid, "name": name, "name_variants": variants,
             "identifiers": [{"type": t, "value": v} for (t, v) in p.ids],
             "elements": sorted(p.req), "optional_elements": sorted(p.opt - p.req),
             "occurrences": p.occ, "provenance": {e: p.prov[e] for e in sorted(p.prov)},
             "note": "; ".join(p.notes), "language": p.lang, "controllers": sorted(set(p.controllers))}
        if p.req_batch or p.any_batch:
            d["batches"] = sorted(set(p.req_batch) | set(p.any_batch))
        return d

    def to_json(self, **extra):
        persons = [self.person_json(p) for p in self.persons.values()]
        per = collections.Counter(e for p in persons for e in p["elements"])
        out = {"case": self.case, "files": self.leak.file_count(), "documents": len(self.leak.docs)}
        exp = extra.pop("expected", {})
        out.update(extra)
        out["expected"] = dict({"persons": len(persons), "per_element": dict(sorted(per.items()))}, **exp)
        out["persons"] = persons
        out["decoys"] = self.decoys
        return out
