"""Documents, persons, decoys, truth and the self-checks of blind9 (standard library only)."""
import email
import email.policy
import gzip
import html
import io
import json
import random
import re
import tarfile
import unicodedata
import zipfile

from shared import check

NID_TYPES = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer",
             "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number"}
ID_ELEMENT = {"email": "email", "phone": "phone", "loyalty_card": "loyalty_card", "iban": "iban", "payment_card": "payment_card"}
ZIP_TIME = (2023, 9, 30, 12, 0, 0)
TAR_TIME = 1696075200


# ------------------------------------------------------------------ decoded views

def json_unescape(t):
    def rep(m):
        return chr(int(m.group(1), 16))
    t = re.sub(r"\\u([0-9a-fA-F]{4})", rep, t)
    return t.replace('\\"', '"').replace("\\/", "/").replace("\\\\", "\\")


def redis_unescape(t):
    """redis MONITOR writes bytes outside printable ASCII as \\xHH."""
    def rep(m):
        bs = bytes(int(h, 16) for h in re.findall(r"\\x([0-9a-f]{2})", m.group(0)))
        return bs.decode("utf-8", "replace")
    return re.sub(r"(?:\\x[0-9a-f]{2})+", rep, t)


def octal_unescape(t):
    """protobuf text format writes non-ASCII bytes as \\ooo octal escapes."""
    def rep(m):
        bs = bytes(int(o, 8) for o in re.findall(r"\\([0-7]{3})", m.group(0)))
        return bs.decode("utf-8", "replace")
    return re.sub(r"(?:\\[0-7]{3})+", rep, t)


def strip_tags(t):
    return html.unescape(re.sub(r"<[^>]+>", " ", t))


class Doc:
    def __init__(self, name, data, enc="utf-8", kind="text"):
        self.name, self.data, self.enc, self.kind = name, data, enc, kind
        self._views = None

    def text(self):
        if self.kind == "binary":
            return ""
        enc = self.enc
        d = self.data
        if enc in ("utf-16", "utf-16-le", "utf-16le"):
            if d[:2] == b"\xff\xfe":
                d = d[2:]
            return d.decode("utf-16-le")
        if enc in ("utf-16-be", "utf-16be"):
            if d[:2] == b"\xfe\xff":
                d = d[2:]
            return d.decode("utf-16-be")
        if enc == "utf-8" and d[:3] == b"\xef\xbb\xbf":
            d = d[3:]
        return d.decode(enc)

    def views(self):
        if self._views is not None:
            return self._views
        if self.kind == "binary":
            self._views = []
        elif self.kind == "mail":
            msg = email.message_from_bytes(self.data, policy=email.policy.default)
            parts = [f"{k}: {v}" for k, v in msg.items()]
            for part in msg.walk():
                if part.get_content_maintype() == "text":
                    c = part.get_content()
                    parts += [c, strip_tags(c)]
            self._views = ["\n".join(parts)]
        else:
            t = self.text()
            self._views = [t, json_unescape(t), html.unescape(t), strip_tags(t), redis_unescape(t), octal_unescape(t)]
        return self._views

    def has(self, s):
        cands = [s, unicodedata.normalize("NFC", s), unicodedata.normalize("NFD", s)]
        return any(c in v for c in cands for v in self.views())


# ------------------------------------------------------------------ persons

def nkey(t, v):
    return check.key_of(t, v)


def name_tokens(s):
    return check.name_tokens(s or "")


class Person:
    def __init__(self, case, tid, name, lang, variants=()):
        self.case, self.tid, self.name, self.lang = case, tid, name, lang
        self.variants = list(variants)
        self.ids = {}            # key -> (type, value), insertion ordered
        self.occ = []
        self.req = {}
        self.opt = {}
        self.name_occ = []
        self.checks = []
        self.controllers = []
        self.note = ""
        self.attrs = {}
        self.req_batches = {}    # batch -> set(elements)
        self.opt_batches = {}

    def _batch(self, doc):
        m = re.match(r"(batch\d+)/", doc)
        return m.group(1) if m else None

    def el(self, element, doc, field="", ev=None, opt=False):
        assert doc in self.case.docs, (self.tid, doc)
        tgt = self.opt if opt else self.req
        tgt.setdefault(element, [])
        p = f"{doc} [{field}]"
        if p not in tgt[element]:
            tgt[element].append(p)
        b = self._batch(doc)
        if b:
            (self.opt_batches if opt else self.req_batches).setdefault(b, set()).add(element)
        if ev is not None:
            self.checks.append((doc, ev, element))
        return self

    def id(self, t, value, raw, doc, field="", opt=False, element=True):
        k = nkey(t, value)
        if k not in self.ids:
            self.ids[k] = (t, value)
        self.occ.append({"type": t, "value": value, "raw": raw, "file": doc, "field": field})
        if element:
            self.el("national_id" if t in NID_TYPES else ID_ELEMENT[t], doc, field, opt=opt)
        return self

    def nm(self, doc, rendered, field="name", opt=False, variant=False):
        parts = rendered if isinstance(rendered, (list, tuple)) else [rendered]
        full = " ".join(parts)
        if variant and name_tokens(full) != name_tokens(self.name) and full not in self.variants:
            self.variants.append(full)
        self.name_occ.append((list(parts), doc))
        self.el("name", doc, field, opt=opt)
        return self


# ------------------------------------------------------------------ case

class Case:
    def __init__(self, n, slug, seed, title):
        self.n, self.slug, self.seed, self.title = n, slug, seed, title
        self.rng = random.Random(f"blind9-{seed}-case{n}")
        self.docs = {}
        self.disk = {}
        self.persons = []
        self.decoys = []
        self.extra = {}
        self.used_names = set()
        self.used_keys = {}
        self._decoy_seen = set()

    # ---- files
    def put(self, name, data, enc="utf-8", kind="text"):
        """A file on disk that is also a document."""
        assert name not in self.disk, name
        self.disk[name] = data
        if kind is not None:
            self.docs[name] = Doc(name, data, enc, kind)
        return name

    def text(self, name, text, enc="utf-8", bom=False, nl="\n"):
        if nl != "\n":
            text = text.replace("\n", nl)
        if enc in ("utf-16", "utf-16-le"):
            data = (b"\xff\xfe" if bom else b"") + text.encode("utf-16-le")
        elif enc == "utf-16-be":
            data = (b"\xfe\xff" if bom else b"") + text.encode("utf-16-be")
        else:
            data = (b"\xef\xbb\xbf" if bom and enc == "utf-8" else b"") + text.encode(enc)
        return self.put(name, data, enc)

    def member(self, outer, mname, data, enc="utf-8", kind="text"):
        name = f"{outer}!/{mname}"
        self.docs[name] = Doc(name, data, enc, kind)
        return name

    def zip(self, name, members):
        """members: list of (member name, bytes, enc, kind)."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for mname, data, enc, kind in members:
                zi = zipfile.ZipInfo(mname, ZIP_TIME)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                z.writestr(zi, data)
                if kind is not None:
                    self.member(name, mname, data, enc, kind)
        self.disk[name] = buf.getvalue()
        return name

    def tar(self, name, members, gz=False):
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
            for mname, data, enc, kind in members:
                ti = tarfile.TarInfo(mname)
                ti.size = len(data)
                ti.mtime = TAR_TIME
                ti.mode = 0o644
                ti.uname = ti.gname = "root"
                t.addfile(ti, io.BytesIO(data))
                if kind is not None:
                    self.member(name, mname, data, enc, kind)
        data = buf.getvalue()
        if gz:
            data = gzip_bytes(data)
        self.disk[name] = data
        return name

    def gz(self, name, inner_name, data, enc="utf-8"):
        self.disk[name] = gzip_bytes(data)
        return self.member(name, inner_name, data, enc)

    # ---- persons
    def person(self, name, lang, variants=()):
        p = Person(self, f"P{len(self.persons) + 1:04d}", name, lang, variants)
        self.persons.append(p)
        return p

    def unique_name(self, make):
        for _ in range(500):
            r = make()
            full = r[0] if isinstance(r, tuple) else r["full"]
            tk = name_tokens(full)
            if tk not in self.used_names:
                self.used_names.add(tk)
                return r
        raise RuntimeError("no unique name")

    def unique(self, t, make):
        for _ in range(1000):
            v = make()
            k = nkey(t, v)
            if k not in self.used_keys and check.VALIDATORS[t](v):
                self.used_keys[k] = t
                return v
        raise RuntimeError("no unique " + t)

    def decoy(self, kind, value, doc, field="", note="", must_fail=None, raw=None):
        if (kind, value) in self._decoy_seen:
            return
        self._decoy_seen.add((kind, value))
        if must_fail is None:
            must_fail = bool(re.fullmatch(r"[\d\s\-]+", value))
        d = {"kind": kind, "value": value, "file": doc, "field": field, "note": note, "must_fail": must_fail}
        if raw is not None and raw != value:
            d["raw"] = raw
        self.decoys.append(d)

    def failing_number(self, n_digits, prefix=""):
        """A number of the given length that passes no national-ID check (order, receipt, transaction ids)."""
        while True:
            v = prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(n_digits - len(prefix)))
            if not check.any_person_id(v) and nkey("nid", v) not in self.used_keys:
                return v

    # ---- truth
    def truth(self):
        persons = []
        per_el = {}
        for p in self.persons:
            req = sorted(p.req)
            opt = sorted(e for e in p.opt if e not in p.req)
            for e in req:
                per_el[e] = per_el.get(e, 0) + 1
            prov = {}
            for e in req + opt:
                prov[e] = (p.req.get(e, []) + p.opt.get(e, []))[:]
            d = {"tid": p.tid, "name": p.name, "name_variants": p.variants, "language": p.lang,
                 "identifiers": [{"type": t, "value": v} for t, v in p.ids.values()],
                 "elements": req, "optional_elements": opt, "provenance": prov, "occurrences": p.occ,
                 "controllers": p.controllers, "note": p.note}
            if p.req_batches or p.opt_batches:
                d["batches"] = sorted(set(p.req_batches) | set(p.opt_batches))
            persons.append(d)
        files = len(self.disk)
        t = {"case": f"case{self.n}_{self.slug}", "description": self.title, "files": files,
             "documents": sorted(self.docs),
             "expected": {"persons": len(persons), "per_element": dict(sorted(per_el.items()))},
             "persons": persons, "decoys": self.decoys}
        t.update(self.extra)
        return t

    def batch_truth(self, batches, published):
        out = {}
        seen_req = {}
        seen_any = {}
        cum = set()
        for b in batches:
            new, known, unchanged = [], {}, []
            for p in self.persons:
                rb = p.req_batches.get(b, set())
                ob = p.opt_batches.get(b, set())
                if not rb and not ob:
                    continue
                if p.tid not in cum:
                    if rb:
                        new.append(p.tid)
                else:
                    nw = sorted(e for e in rb if e not in seen_any.get(p.tid, set()))
                    if nw:
                        known[p.tid] = nw
                    else:
                        unchanged.append(p.tid)
            for p in self.persons:
                rb = p.req_batches.get(b, set())
                ob = p.opt_batches.get(b, set())
                if rb:
                    cum.add(p.tid)
                seen_req.setdefault(p.tid, set()).update(rb)
                seen_any.setdefault(p.tid, set()).update(rb | ob)
            out[b] = {"new": new, "known_with_new_elements": known, "unchanged": unchanged, "cumulative": len(cum)}
        self.extra["batches"] = out
        self.extra["batch_published"] = published
        self.extra["batch_rule"] = ("new = first batch with a required element; known_with_new_elements = required elements "
                                    "of this batch neither required nor optional in an earlier batch; cumulative = persons "
                                    "with a required element so far")

    # ---- self-checks
    def self_check(self):
        errs = []
        owner = {}
        shared = set()
        for vals in (self.extra.get("household_emails", {}), self.extra.get("household_phones", {})):
            for v in vals:
                shared.add(nkey("phone" if v.startswith("+") else "email", v))
        for p in self.persons:
            if not p.req:
                errs.append(f"{p.tid}: no required element")
            for o in p.occ:
                v = check.VALIDATORS.get(o["type"])
                if v is None or not v(o["value"]):
                    errs.append(f"{p.tid}: {o['type']} {o['value']!r} fails its check")
                d = self.docs.get(o["file"])
                if d is None:
                    errs.append(f"{p.tid}: unknown doc {o['file']}")
                elif not d.has(o["raw"]):
                    errs.append(f"{p.tid}: raw {o['raw']!r} not in {o['file']}")
                if not raw_matches(o["type"], o["raw"], o["value"]):
                    errs.append(f"{p.tid}: raw {o['raw']!r} does not normalise to {o['value']!r}")
            for k, (t, v) in p.ids.items():
                if owner.setdefault(k, p.tid) != p.tid and k not in shared:
                    errs.append(f"identifier {k} held by {owner[k]} and {p.tid}")
            for parts, doc in p.name_occ:
                d = self.docs[doc]
                for part in parts:
                    if not d.has(part):
                        errs.append(f"{p.tid}: name part {part!r} not in {doc}")
                full = " ".join(parts)
                if name_tokens(full) != name_tokens(p.name) and all(name_tokens(full) != name_tokens(v) for v in p.variants):
                    errs.append(f"{p.tid}: written name {full!r} is neither {p.name!r} nor a variant")
            for doc, ev, e in p.checks:
                if not self.docs[doc].has(ev):
                    errs.append(f"{p.tid}: {e} evidence {ev!r} not in {doc}")
            for e, srcs in list(p.req.items()) + list(p.opt.items()):
                for s in srcs:
                    if s.split(" [")[0] not in self.docs:
                        errs.append(f"{p.tid}: provenance {s}")
            if not p.ids and not p.name:
                errs.append(f"{p.tid}: neither identifier nor name")
        # persons without a strong identifier need a unique name
        strong = {p.tid for p in self.persons if p.ids}
        cnt = {}
        for p in self.persons:
            cnt[name_tokens(p.name)] = cnt.get(name_tokens(p.name), 0) + 1
        for p in self.persons:
            if p.tid not in strong and cnt[name_tokens(p.name)] > 1:
                errs.append(f"{p.tid}: no identifier and a shared name {p.name!r}")
        keys = set(owner)
        for d in self.decoys:
            v = d["value"]
            ks = {nkey("email", v)} if "@" in v else {nkey("nid", v), nkey("iban", v), nkey("phone", v)}
            if ks & keys:
                errs.append(f"decoy {v!r} ({d['kind']}) is a person's identifier")
            if d["must_fail"] and check.any_person_id(v):
                errs.append(f"decoy {v!r} ({d['kind']}) passes a national-ID check")
            if d["must_fail"] and any(f(v) for f in (check.v_fi, check.v_ee, check.v_lv, check.v_pl)):
                errs.append(f"decoy {v!r} ({d['kind']}) passes a national-ID check")
            doc = self.docs.get(d["file"])
            if doc is None or not doc.has(d.get("raw", v)):
                errs.append(f"decoy {v!r} not in {d['file']}")
        return errs


def raw_matches(t, raw, value):
    if t == "email":
        return raw.strip().lower() == value
    if t == "phone":
        digits = re.sub(r"\D", "", raw.replace("(0)", ""))
        cc = value[1:]
        if digits == cc:
            return True
        for pre in ("00", ""):
            for c in check.PHONE_RULES:
                if value[1:].startswith(c):
                    nsn = value[1 + len(c):]
                    if digits in (pre + c + nsn, "0" + nsn, nsn, "8" + nsn, "1" + nsn if c == "1" else "x"):
                        return True
        return False
    if t in ("iban", "loyalty_card", "payment_card"):
        return re.sub(r"[\s\-]", "", raw).upper() == re.sub(r"[\s\-]", "", value).upper()
    return nkey("nid", raw) == nkey("nid", value)


def gzip_bytes(data):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0) as g:
        g.write(data)
    return buf.getvalue()


def csv_line(cells, sep=",", quote_all=False):
    out = []
    for c in cells:
        c = "" if c is None else str(c)
        if quote_all or any(x in c for x in (sep, '"', "\n", "\r")):
            c = '"' + c.replace('"', '""') + '"'
        out.append(c)
    return sep.join(out)


def jdump(o, ascii_=False, indent=None):
    return json.dumps(o, ensure_ascii=ascii_, indent=indent, separators=(",", ":") if indent is None else (",", ": "))
