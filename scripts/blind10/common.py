"""Documents and their decoded views, persons, exposures, decoys, archives, truth, batch truth and self-checks."""
import collections
import gzip
import html
import io
import json
import random
import re
import tarfile
import unicodedata
import zipfile

from shared import check, ids

ZIP_TIME = (2023, 9, 18, 3, 0, 0)
TAR_TIME = 1695006000

NID_TYPES = ("ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer",
             "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number")
ID_ELEMENT = {"email": "email", "phone": "phone", "iban": "iban", "loyalty_card": "loyalty_card",
              "payment_card": "payment_card"}
STRONG = set(NID_TYPES) | {"email", "phone"}


# ------------------------------------------------------------------ decoded views

_JSON_ESC = re.compile(r'\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})|\\u([0-9a-fA-F]{4})|\\(["\\/bfnrt])')


def json_unescape(s):
    def rep(m):
        if m.group(1):
            hi, lo = int(m.group(1), 16), int(m.group(2), 16)
            return chr(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
        if m.group(3):
            return chr(int(m.group(3), 16))
        return {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}.get(m.group(4), m.group(4))
    return _JSON_ESC.sub(rep, s)


def props_unescape(s):
    """java.util.Properties: continuation lines joined, \\uXXXX and \\x escapes undone."""
    s = re.sub(r"\\\r?\n[ \t\f]*", "", s)
    return re.sub(r"\\u([0-9a-fA-F]{4})|\\(.)", lambda m: chr(int(m.group(1), 16)) if m.group(1) else
                  {"t": "\t", "n": "\n", "r": "\r", "f": "\f"}.get(m.group(2), m.group(2)), s)


def xml_text(s):
    """entities decoded, and a second view with the tags replaced by spaces."""
    u = html.unescape(s)
    return [u, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)).replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")]


def decode_bytes(data, enc):
    if enc.startswith("gzip+"):
        data = gzip.decompress(data)
        enc = enc[5:]
    if enc == "utf-16":
        return data.decode("utf-16")
    if enc == "utf-8" and data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    return data.decode(enc)


class Doc:
    def __init__(self, name, data, enc="utf-8", views=(), disk=True):
        self.name, self.data, self.enc, self.kinds, self.disk = name, data, enc, tuple(views), disk
        self._views = None

    def views(self):
        if self._views is None:
            if self.enc == "binary":
                self._views = []
                return self._views
            base = decode_bytes(self.data, self.enc)
            out = [base]
            for k in self.kinds:
                if k == "json":
                    out.append(json_unescape(base))
                elif k == "xml":
                    out += xml_text(base)
                elif k == "props":
                    out.append(props_unescape(base))
                elif k == "unfold":                     # vCard / RFC 5322 folding
                    out.append(re.sub(r"\r?\n[ \t]", "", base).replace("\\,", ",").replace("\\;", ";"))
                elif k == "xmljson":
                    out += xml_text(json_unescape(base))
            self._views = [unicodedata.normalize("NFC", v) for v in out]
        return self._views

    def contains(self, raw):
        raw = unicodedata.normalize("NFC", raw)
        return any(raw in v for v in self.views())


# ------------------------------------------------------------------ archives

def gzip_bytes(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=6) as g:
        g.write(data)
    return buf.getvalue()


def zip_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return buf.getvalue()


def tar_bytes(members, gz=True, mtime=TAR_TIME):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT, encoding="utf-8") as t:
        dirs = []
        for name, data in members:
            parts = name.split("/")[:-1]
            for i in range(1, len(parts) + 1):
                d = "/".join(parts[:i])
                if d not in dirs:
                    dirs.append(d)
                    ti = tarfile.TarInfo(d)
                    ti.type, ti.mode, ti.mtime, ti.uname, ti.gname = tarfile.DIRTYPE, 0o755, mtime, "root", "root"
                    t.addfile(ti)
            ti = tarfile.TarInfo(name)
            ti.size, ti.mode, ti.mtime, ti.uname, ti.gname = len(data), 0o644, mtime, "root", "root"
            t.addfile(ti, io.BytesIO(data))
    return gzip_bytes(raw.getvalue()) if gz else raw.getvalue()


# ------------------------------------------------------------------ persons

def name_tokens(s):
    s = unicodedata.normalize("NFKD", (s or "").casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return tuple(sorted(t for t in re.split(r"[^\w]+", s) if t and t != "_"))


class Person:
    def __init__(self, case, lang, given="", surname="", female=False, dob=None, name=None):
        self.case = case
        self.tid = f"P{len(case.persons) + 1:04d}"
        self.lang, self.given, self.surname, self.female, self.dob = lang, given, surname, female, dob
        self.name = name if name is not None else (f"{given} {surname}".strip())
        self.variants = []
        self.idents = []
        self.occ = []
        self.req = collections.OrderedDict()
        self.opt = collections.OrderedDict()
        self.name_occ = []
        self.evid = []
        self.controllers = []
        self.notes = []
        self.attrs = {}
        case.persons.append(self)

    # identifiers ---------------------------------------------------------------
    def ident(self, t, value, raw, doc, field, optional=False):
        if (t, value) not in [(a, b) for a, b in self.idents]:
            self.idents.append((t, value))
        o = {"type": t, "value": value, "raw": raw, "file": doc, "field": field}
        if o not in self.occ:
            self.occ.append(o)
        self.el(ID_ELEMENT.get(t, "national_id"), doc, field, optional)

    def el(self, e, doc, field, optional=False, ev=None):
        d = self.opt if optional else self.req
        s = f"{doc} [{field}]"
        lst = d.setdefault(e, [])
        if s not in lst:
            lst.append(s)
        if ev is not None:
            for x in (ev if isinstance(ev, (list, tuple)) else [ev]):
                if (x, doc) not in self.evid:
                    self.evid.append((x, doc))

    def named(self, doc, parts, field="name", optional=False):
        parts = list(parts) if isinstance(parts, (list, tuple)) else [parts]
        self.el("name", doc, field, optional)
        if (parts, doc) not in self.name_occ:
            self.name_occ.append((parts, doc))

    def variant(self, v):
        if name_tokens(v) != name_tokens(self.name) and all(name_tokens(v) != name_tokens(x) for x in self.variants):
            self.variants.append(v)

    def note(self, s):
        if s not in self.notes:
            self.notes.append(s)

    def has_strong(self):
        return any(t in STRONG for t, _ in self.idents)


# ------------------------------------------------------------------ case

class Case:
    def __init__(self, num, slug, seed, description):
        self.num, self.slug, self.seed, self.description = num, slug, seed, description
        self.rng = random.Random(f"blind10-{seed}-case{num}")
        self.docs = collections.OrderedDict()
        self.persons = []
        self.decoys = []
        self.household_emails = collections.OrderedDict()
        self.household_phones = collections.OrderedDict()
        self.extra = collections.OrderedDict()
        self.used_names = set()
        self.used_emails = set()
        self.used_phones = set()
        self.used_ids = set()
        self.batches = None

    def put(self, name, data, enc="utf-8", views=(), disk=True):
        if name in self.docs:
            raise RuntimeError(f"duplicate document {name}")
        if isinstance(data, str):
            data = data.encode(enc if not enc.startswith("gzip+") and enc != "utf-16" else "utf-8")
        self.docs[name] = Doc(name, data, enc, views, disk)
        return name

    def decoy(self, kind, value, file, field, raw=None, must_fail=False, note=""):
        d = {"kind": kind, "value": value, "file": file, "field": field, "raw": raw if raw is not None else value,
             "must_fail": must_fail}
        if note:
            d["note"] = note
        if not any(x["value"] == value for x in self.decoys):
            self.decoys.append(d)

    def unique(self, make, used=None):
        used = self.used_ids if used is None else used
        for _ in range(500):
            v = make()
            if v not in used:
                used.add(v)
                return v
        raise RuntimeError("could not make a unique value")

    # ---------------------------------------------------------------- truth
    def truth(self):
        persons = []
        for p in self.persons:
            req = collections.OrderedDict(sorted(p.req.items()))
            opt = {e: v for e, v in p.opt.items() if e not in req}
            prov = collections.OrderedDict()
            for e in sorted(set(req) | set(opt)):
                prov[e] = sorted(set(req.get(e, [])) | set(opt.get(e, [])))
            d = collections.OrderedDict()
            d["tid"] = p.tid
            d["name"] = p.name
            d["name_variants"] = list(p.variants)
            d["language"] = p.lang
            d["identifiers"] = [{"type": t, "value": v} for t, v in p.idents]
            d["elements"] = list(req)
            d["optional_elements"] = sorted(opt)
            d["provenance"] = prov
            d["occurrences"] = p.occ
            d["controllers"] = list(p.controllers)
            d["note"] = "; ".join(p.notes)
            if self.batches:
                d["batches"] = sorted({s.split("/")[0] for v in prov.values() for s in v})
            persons.append(d)
        per_el = collections.Counter(e for p in persons for e in p["elements"])
        per_ctrl = collections.Counter(c for p in persons for c in p["controllers"])
        disk = [n for n, d in self.docs.items() if d.disk]
        t = collections.OrderedDict()
        t["case"] = f"case{self.num}_{self.slug}"
        t["description"] = self.description
        t["generator"] = "blind10"
        t["seed"] = self.seed
        t["files"] = len(disk)
        t["documents"] = list(self.docs)
        t["expected"] = {"persons": len(persons), "per_element": dict(sorted(per_el.items())),
                         "per_controller": dict(sorted(per_ctrl.items()))}
        t["persons"] = persons
        t["decoys"] = [dict(d) for d in self.decoys]
        if self.household_emails:
            t["household_emails"] = {k: v for k, v in self.household_emails.items()}
        if self.household_phones:
            t["household_phones"] = {k: v for k, v in self.household_phones.items()}
        for k, v in self.extra.items():
            t[k] = v
        if self.batches:
            t.update(batch_truth(self, persons))
        return t

    def write(self, out_dir):
        import os
        root = os.path.join(out_dir, f"case{self.num}_{self.slug}")
        files = {}
        for n, d in self.docs.items():
            if d.disk:
                files[os.path.join("leak", n)] = d.data
        files["truth.json"] = (json.dumps(self.truth(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        return root, files


def batch_truth(case, persons):
    order = list(case.batches)
    out = collections.OrderedDict((b, {"new": [], "known_with_new_elements": collections.OrderedDict(), "unchanged": [],
                                       "cumulative": 0}) for b in order)
    seen = set()
    for p in persons:
        req_b = collections.defaultdict(set)
        opt_b = collections.defaultdict(set)
        src = next(x for x in case.persons if x.tid == p["tid"])
        for e, lst in src.req.items():
            for s in lst:
                req_b[s.split("/")[0]].add(e)
        for e, lst in src.opt.items():
            for s in lst:
                opt_b[s.split("/")[0]].add(e)
        earlier_req, earlier_any = set(), set()
        first = None
        for b in order:
            if req_b[b] and first is None:
                first = b
                out[b]["new"].append(p["tid"])
            elif first is not None and (req_b[b] or opt_b[b]):
                newe = sorted(req_b[b] - earlier_any)
                if newe:
                    out[b]["known_with_new_elements"][p["tid"]] = newe
                else:
                    out[b]["unchanged"].append(p["tid"])
            earlier_req |= req_b[b]
            earlier_any |= req_b[b] | opt_b[b]
    n = 0
    for b in order:
        n += len(out[b]["new"])
        out[b]["cumulative"] = n
    return {"batches": out, "batch_published": dict(case.batches),
            "batch_rule": "new = first batch with a required element; known_with_new_elements = required elements of "
                          "this batch neither required nor optional in an earlier batch; unchanged = seen again with "
                          "nothing new; cumulative = persons with a required element so far"}


# ------------------------------------------------------------------ self-checks

def phone_raw_ok(raw, value):
    d = re.sub(r"\D", "", raw)
    v = value[1:]
    for cc in sorted(ids.CC.values(), key=len, reverse=True):
        if v.startswith(cc):
            nsn = v[len(cc):]
            break
    else:
        return False
    if not d.endswith(nsn):
        return False
    pre = d[:len(d) - len(nsn)]
    return pre in ("", "0", cc, "00" + cc, cc + "0", "8" if cc == "370" else "-", "1" if cc == "1" else "-")


def raw_ok(t, raw, value):
    if t == "email":
        return raw.strip(" \u00a0\t").lower() == value
    if t == "phone":
        return phone_raw_ok(raw, value)
    if t in ("iban", "loyalty_card", "payment_card"):
        return re.sub(r"[\s\-]", "", raw).upper() == re.sub(r"[\s\-]", "", value).upper()
    return check.key_of(t, raw) == check.key_of(t, value)


def self_test():
    errs = []
    good = [("ee_isikukood", "37605030299"), ("ee_isikukood", "38001085718"), ("fi_hetu", "131052-308T"),
            ("pl_pesel", "44051401359"), ("pl_pesel", "02070803628"),
            ("lv_personas_kods", "161175-19997"), ("iban", "GB82WEST12345698765432"), ("iban", "FI2112345600000785"),
            ("payment_card", "4111111111111111"), ("phone", "+37251234567"), ("email", "mari@example.com")]
    bad = [("ee_isikukood", "37605030298"), ("fi_hetu", "131052-308U"), ("pl_pesel", "44051401358"),
           ("lv_personas_kods", "161175-19996"), ("iban", "GB82WEST12345698765433"), ("payment_card", "4111111111111112"),
           ("email", "mari@gmail.com")]
    for t, v in good:
        if not check.VALIDATORS[t](v):
            errs.append(f"validator {t} rejects reference {v}")
    for t, v in bad:
        if check.VALIDATORS[t](v):
            errs.append(f"validator {t} accepts altered {v}")
    return errs


def self_check(case):
    errs = []
    docs = case.docs
    owner = {}
    allowed = set()
    for e, tids in case.household_emails.items():
        allowed.add("email:" + e)
    for ph, tids in case.household_phones.items():
        allowed.add("phone:+" + re.sub(r"\D", "", ph))
    names_weak = collections.Counter()
    all_names = collections.Counter(name_tokens(p.name) for p in case.persons if p.name)
    for p in case.persons:
        if not p.req:
            errs.append(f"{p.tid}: no required element")
        if not p.idents and not p.name:
            errs.append(f"{p.tid}: neither identifier nor name")
        for t, v in p.idents:
            val = check.VALIDATORS.get(t)
            if val is None:
                errs.append(f"{p.tid}: no validator for {t}")
            elif not val(v):
                errs.append(f"{p.tid}: {t} {v!r} fails its check")
            k = check.key_of(t, v)
            if owner.setdefault(k, p.tid) != p.tid and k not in allowed:
                errs.append(f"identifier {k} shared by {owner[k]} and {p.tid}")
        for o in p.occ:
            if not raw_ok(o["type"], o["raw"], o["value"]):
                errs.append(f"{p.tid}: raw {o['raw']!r} does not normalise to {o['value']!r}")
            d = docs.get(o["file"])
            if d is None:
                errs.append(f"{p.tid}: occurrence in unknown document {o['file']}")
            elif not d.contains(o["raw"]):
                errs.append(f"{p.tid}: raw {o['raw']!r} not in {o['file']}")
        for parts, fname in p.name_occ:
            d = docs.get(fname)
            for part in parts:
                if d is None or not d.contains(part):
                    errs.append(f"{p.tid}: name part {part!r} not in {fname}")
            full = " ".join(parts)
            if name_tokens(full) != name_tokens(p.name) and all(name_tokens(full) != name_tokens(v) for v in p.variants):
                errs.append(f"{p.tid}: written name {full!r} matches neither {p.name!r} nor its variants")
        for raw, fname in p.evid:
            d = docs.get(fname)
            if d is None or not d.contains(raw):
                errs.append(f"{p.tid}: evidence {raw!r} not in {fname}")
        for e, srcs in list(p.req.items()) + list(p.opt.items()):
            for s in srcs:
                if s.split(" [")[0] not in docs:
                    errs.append(f"{p.tid}: provenance {s} names an unknown document")
        if not p.has_strong():
            if not p.name:
                errs.append(f"{p.tid}: no strong identifier and no name")
            elif all_names[name_tokens(p.name)] > 1:
                errs.append(f"{p.tid}: no strong identifier and a name that is not unique: {p.name}")
    keys_all = set(owner)
    for d in case.decoys:
        v = d["value"]
        ks = {check.key_of("email", v)} if "@" in v else {check.key_of("nid", v), check.key_of("iban", v),
                                                           check.key_of("phone", v)}
        if "@" not in v:
            ks.add("nid:" + re.sub(r"[\s\-+]", "", v).upper())
        if ks & keys_all:
            errs.append(f"decoy {v!r} ({d['kind']}) equals a person's identifier")
        if d.get("must_fail") and check.any_person_id(v):
            errs.append(f"decoy {v!r} ({d['kind']}) passes a national-ID check")
        doc = docs.get(d["file"])
        if doc is None or not doc.contains(d["raw"]):
            errs.append(f"decoy {d['raw']!r} not in {d['file']}")
    return errs
