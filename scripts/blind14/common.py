"""Documents, decoded views, archives, persons, exposures, decoys, truth and self-checks for blind14
(adapted from blind13's common.py: nested archives, stored zip members, member checks through nesting)."""
import base64
import calendar
import collections
import datetime
import email
import email.policy
import gzip
import html
import io
import json
import quopri
import re
import tarfile
import unicodedata
import urllib.parse
import zipfile

from shared import check, ids

ZIP_TIME = (2023, 10, 9, 6, 30, 0)
TAR_MTIME = 1696833000          # 2023-10-09 06:30 UTC
NAT_TYPES = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer",
             "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number"}
ELEMENT_OF = {"email": "email", "phone": "phone", "iban": "iban", "loyalty_card": "loyalty_card",
              "payment_card": "payment_card"}


# ---------------------------------------------------------------- US SSN (blind5 has no SSN; this one follows blind13's)

def gen_ssn(rng):
    """A structurally valid SSN (area 001-899 except 666, group 01-99, serial 0001-9999), never a published specimen."""
    while True:
        a, g, s = rng.randint(1, 899), rng.randint(1, 99), rng.randint(1, 9999)
        if a == 666:
            continue
        v = f"{a:03d}-{g:02d}-{s:04d}"
        if v in ("078-05-1120", "219-09-9999", "123-45-6789"):
            continue
        return v


def v_ssn(v):
    d = re.sub(r"[\s\-]", "", v)
    if not re.fullmatch(r"\d{9}", d):
        return False
    a, g, s = int(d[:3]), int(d[3:5]), int(d[5:])
    if a == 0 or a == 666 or a >= 900 or g == 0 or s == 0:
        return False
    return d not in ("078051120", "219099999", "123456789")


VALIDATORS = dict(check.VALIDATORS)
VALIDATORS["us_ssn"] = v_ssn


# ---------------------------------------------------------------- identifier keys (as score.py computes them)

def nid_key(v):
    s = re.sub(r"[\s\-+]", "", str(v)).upper()
    if len(s) == 12 and s.isdigit() and s[:2] in ("19", "20"):
        s = s[2:]
    return s


def id_class(t):
    if t in ("email", "phone", "iban", "loyalty_card", "payment_card"):
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
    s = unicodedata.normalize("NFKD", (s or "").casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return tuple(sorted(t for t in re.split(r"[^\w]+", s) if t and t != "_"))


TRUNK = {"358": "0", "372": "", "371": "", "370": "8", "48": "", "1": "1", "380": "0"}


def phone_raw_ok(raw, value):
    """Does a written phone number normalise to the E.164 value?"""
    v = re.sub(r"\D", "", value)
    d = re.sub(r"\D", "", raw)
    if d == v or d == "00" + v:
        return True
    for cc, trunk in TRUNK.items():
        if v.startswith(cc):
            nsn = v[len(cc):]
            if d in (trunk + nsn, nsn, cc + "0" + nsn, "00" + cc + "0" + nsn):
                return True
    return False


# ---------------------------------------------------------------- decoded views of a document

def _unescape_json(s):
    s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)
    s = s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return s.replace('\\"', '"').replace("\\/", "/").replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t")


def _json2(s):
    """JSON escaped twice (a JSON document inside a JSON string, logfmt inside JSON)."""
    return _unescape_json(_unescape_json(s))


def _csvq(s):
    return s.replace('""', '"')


def _csvjson(s):
    return _unescape_json(s.replace('""', '"'))


def _tags(s):
    return html.unescape(re.sub(r"<[^>]+>", "", s))


def _tags_sp(s):
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", s)))


def _json_tags(s):
    return _tags_sp(_unescape_json(s))


def _pct(s):
    out = [s]
    for _ in range(2):
        s = urllib.parse.unquote_plus(s)
        out.append(s)
    return "\n".join(out)


def _cypher(s):
    return s.replace("\\'", "'").replace('\\"', '"')


VIEWS = {"json": _unescape_json, "json2": _json2, "csvq": _csvq, "csvjson": _csvjson, "xml": html.unescape,
         "tags": _tags, "tags_sp": _tags_sp, "json_tags": _json_tags, "pct": _pct, "cypher": _cypher}


def mime_texts(raw):
    """Every decoded text part (QP, base64, 8bit, in its charset) and the decoded headers of a message."""
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    out = []
    for k in ("From", "To", "Cc", "Subject", "Reply-To"):
        if msg.get(k) is not None:
            out.append(str(msg.get(k)))
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            t = part.get_content()
            out.append(t)
            if part.get_content_subtype() == "html":
                out.append(_tags_sp(t))
    return out


class Doc:
    def __init__(self, path, data, enc, views):
        self.path, self.data, self.enc, self.views = path, data, enc, views
        self._cache = None

    def texts(self):
        if self._cache is None:
            raw = self.data
            enc = self.enc
            if enc.startswith("gzip"):
                raw, enc = gzip.decompress(raw), (enc.split(":", 1)[1] if ":" in enc else "utf-8")
            if enc == "mime":
                out = mime_texts(raw)
                t = raw.decode("ascii", "replace")
            else:
                if enc == "utf-16":
                    t = raw.decode("utf-16")
                else:
                    t = raw.decode(enc.replace("-sig", "")).lstrip("\ufeff")
                out = [t]
            base = list(out)
            for v in self.views:
                for b in base:
                    out.append(VIEWS[v](b))
            self._cache = out
        return self._cache

    def has(self, s):
        return any(s in t for t in self.texts())


# ---------------------------------------------------------------- persons

class Person:
    def __init__(self, tid, name, lang, **kw):
        self.tid, self.name, self.lang = tid, name, lang
        self.variants = []
        self.ids = collections.OrderedDict()      # key -> (type, value)
        self.req = collections.OrderedDict()      # element -> [prov]
        self.opt = collections.OrderedDict()
        self.occ = []
        self.controllers = []
        self.note = ""
        self.batches = []
        self.__dict__.update(kw)


class Case:
    def __init__(self, num, slug, seed, rng, description):
        self.num, self.slug, self.seed, self.rng, self.description = num, slug, seed, rng, description
        self.docs = collections.OrderedDict()      # logical document name -> Doc
        self.files = collections.OrderedDict()     # file on disk -> bytes
        self.members = collections.OrderedDict()   # archive path -> (kind, [member names])
        self.persons = []
        self.decoys = []
        self.checks = []          # (doc, string, what)
        self.errors = []
        self.extra = collections.OrderedDict()
        self.households = collections.OrderedDict()  # identifier key -> kind
        self.namesakes = set()    # name tokens deliberately shared

    # -- documents
    def encode(self, text, enc, newline=None):
        if isinstance(text, bytes):
            return text
        if newline:
            text = text.replace("\n", newline)
        if enc == "utf-16":
            return b"\xff\xfe" + text.encode("utf-16-le")
        return text.encode(enc)

    def add(self, path, text, enc="utf-8", views=(), newline=None):
        data = self.encode(text, enc, newline)
        self.docs[path] = Doc(path, data, enc, tuple(views))
        self.files[path] = data
        return path

    def add_gzip(self, path, text, enc="utf-8", views=()):
        data = gzip.compress(self.encode(text, enc), mtime=0)   # gzip.compress writes no file name
        self.docs[path] = Doc(path, data, "gzip:" + enc, tuple(views))
        self.files[path] = data
        return path

    def zip_bytes(self, path, members):
        """members: [(name, bytes, enc, views[, stored])]; each member is registered as the document `path!/name`
        (path may itself be a member of an outer archive: nesting)."""
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for m in members:
                name, data, enc, views = m[:4]
                stored = len(m) > 4 and m[4]
                zi = zipfile.ZipInfo(name, ZIP_TIME)
                zi.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                z.writestr(zi, data)
                self.docs[path + "!/" + name] = Doc(path + "!/" + name, data, enc, tuple(views))
        self.members[path] = ("zip", [m[0] for m in members])
        return buf.getvalue()

    def add_zip(self, path, members):
        self.files[path] = self.zip_bytes(path, members)

    def tar_bytes(self, path, members):
        raw = io.BytesIO()
        with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tf:
            for name, data, enc, views in members:
                ti = tarfile.TarInfo(name)
                ti.size, ti.mtime, ti.mode, ti.uid, ti.gid = len(data), TAR_MTIME, 0o644, 1000, 1000
                ti.uname, ti.gname = "leak", "leak"
                tf.addfile(ti, io.BytesIO(data))
                if enc != "archive":
                    self.docs[path + "!/" + name] = Doc(path + "!/" + name, data, enc, tuple(views))
        self.members[path] = ("tgz", [m[0] for m in members])
        return gzip.compress(raw.getvalue(), mtime=0)

    def add_targz(self, path, members):
        """members: [(name, bytes, enc, views)]; enc 'archive' marks a nested archive (registered by zip_bytes)."""
        self.files[path] = self.tar_bytes(path, members)

    def archive_data(self, path):
        if path in self.files:
            return self.files[path]
        outer, inner = path.rsplit("!/", 1)
        kind = self.members[outer][0]
        data = self.archive_data(outer)
        if kind == "zip":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return z.read(inner)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tf:
            return tf.extractfile(inner).read()

    # -- persons
    def person(self, name, lang, **kw):
        p = Person("p%03d" % (len(self.persons) + 1), name, lang, **kw)
        self.persons.append(p)
        return p

    def ident(self, p, typ, value, raw, doc, field):
        if typ == "email":
            value = value.strip().lower()
        k = id_key(typ, value)
        if k not in p.ids:
            p.ids[k] = (typ, value)
        p.occ.append({"type": typ, "value": value, "raw": raw, "file": doc, "field": field})
        self.checks.append((doc, raw, f"{p.tid} {typ}"))
        el = "national_id" if typ in NAT_TYPES else ELEMENT_OF[typ]
        self._prov(p.req, el, doc, field)

    def el(self, p, element, doc, field, *evidence):
        self._prov(p.req, element, doc, field)
        for e in evidence:
            if e:
                self.checks.append((doc, e, f"{p.tid} {element}"))

    def opt(self, p, element, doc, field, *evidence):
        self._prov(p.opt, element, doc, field)
        for e in evidence:
            if e:
                self.checks.append((doc, e, f"{p.tid} {element} (optional)"))

    def nm(self, p, doc, field, *parts):
        """the person's name is written here; parts are the written strings (the whole name or its parts)."""
        self._prov(p.req, "name", doc, field)
        for e in parts:
            self.checks.append((doc, e, f"{p.tid} name"))

    @staticmethod
    def _prov(d, element, doc, field):
        s = f"{doc} [{field}]"
        d.setdefault(element, [])
        if s not in d[element]:
            d[element].append(s)

    def decoy(self, kind, value, doc, field, must_fail=False, note=""):
        if any(x["value"] == value and x["file"] == doc for x in self.decoys):
            return
        d = {"kind": kind, "value": value, "file": doc, "field": field}
        if must_fail:
            d["must_fail"] = True
        if note:
            d["note"] = note
        self.decoys.append(d)
        self.checks.append((doc, value, f"decoy {kind}"))

    # -- truth
    def person_truth(self, p):
        req = list(p.req)
        opt = [e for e in p.opt if e not in p.req]
        d = collections.OrderedDict()
        d["tid"] = p.tid
        written = "name" in p.req or "name" in p.opt
        d["name"] = p.name if written else ""
        d["name_variants"] = [v for v in p.variants if name_tokens(v) != name_tokens(p.name)] if written else []
        d["language"] = p.lang
        d["identifiers"] = [{"type": t, "value": v} for t, v in p.ids.values()]
        d["elements"] = req
        d["optional_elements"] = opt
        d["provenance"] = {e: v for e, v in p.req.items()}
        d["optional_provenance"] = {e: v for e, v in p.opt.items() if e not in p.req}
        d["occurrences"] = p.occ
        d["controllers"] = p.controllers
        d["note"] = p.note
        if p.batches:
            d["batches"] = p.batches
        return d

    def truth(self):
        per_el = collections.Counter()
        per_ctl = collections.Counter()
        for p in self.persons:
            for e in p.req:
                per_el[e] += 1
            for c in p.controllers:
                per_ctl[c] += 1
        t = collections.OrderedDict()
        t["case"] = f"case{self.num}_{self.slug}"
        t["generator"] = "blind14"
        t["seed"] = self.seed
        t["description"] = self.description
        t["files"] = len(self.files)
        t["documents"] = len(self.docs)
        t["expected"] = {"persons": len(self.persons), "per_element": dict(sorted(per_el.items())),
                         "per_controller": dict(sorted(per_ctl.items()))}
        t["persons"] = [self.person_truth(p) for p in self.persons]
        t["decoys"] = self.decoys
        t.update(self.extra)
        return t

    # -- batches (case 4)
    def batch_truth(self, batches, published):
        def bat(prov):
            return prov.split("/", 1)[0]
        out = collections.OrderedDict()
        seen_any = {}
        cumulative = set()
        for b in batches:
            new, known, unchanged = [], collections.OrderedDict(), []
            for p in self.persons:
                req_b = [e for e, provs in p.req.items() if any(bat(x) == b for x in provs)]
                opt_b = [e for e, provs in p.opt.items() if any(bat(x) == b for x in provs)]
                if not req_b and not opt_b:
                    continue
                earlier = seen_any.setdefault(p.tid, set())
                if p.tid not in cumulative:
                    if req_b:
                        new.append(p.tid)
                        cumulative.add(p.tid)
                else:
                    exposed = set(earlier)
                    if "national_id" in exposed:
                        exposed.add("date_of_birth")
                    fresh = [e for e in req_b if e not in exposed]
                    if fresh:
                        known[p.tid] = fresh
                    else:
                        unchanged.append(p.tid)
                earlier.update(req_b)
                earlier.update(opt_b)
            out[b] = {"new": new, "known_with_new_elements": known, "unchanged": unchanged,
                      "cumulative": len(cumulative)}
        for p in self.persons:
            p.batches = sorted({bat(x) for provs in p.req.values() for x in provs})
        self.extra["batches"] = out
        self.extra["batch_published"] = published
        return out

    # -- self-checks
    def self_check(self):
        E = self.errors
        for p in self.persons:
            if not p.req:
                E.append(f"{p.tid} has no required element")
            for k, (t, v) in p.ids.items():
                val = VALIDATORS.get(t)
                if val is None or not val(v):
                    E.append(f"{p.tid} identifier {t}={v} does not validate")
            for o in p.occ:
                if o["type"] == "email":
                    if o["raw"].strip().lower() != o["value"] or not re.search(r"@(.+\.)?(example\.[a-z]+|[a-z0-9-]+\.test)$", o["value"]):
                        E.append(f"{p.tid} e-mail raw {o['raw']!r} != {o['value']} or not a reserved domain")
                elif o["type"] == "phone":
                    if not phone_raw_ok(o["raw"], o["value"]):
                        E.append(f"{p.tid} phone raw {o['raw']!r} does not normalise to {o['value']}")
                elif id_key(o["type"], o["raw"]) != id_key(o["type"], o["value"]):
                    E.append(f"{p.tid} {o['type']} raw {o['raw']!r} != {o['value']}")
            if not p.name and not p.ids:
                E.append(f"{p.tid} has neither a name nor an identifier")
            if "name" in p.req and not p.name:
                E.append(f"{p.tid} has a written name element but no name")
            for provs in list(p.req.values()) + list(p.opt.values()):
                for s in provs:
                    d = s.rsplit(" [", 1)[0]
                    if d not in self.docs:
                        E.append(f"{p.tid} provenance names a missing document {d}")
        for doc, s, what in self.checks:
            if doc not in self.docs:
                E.append(f"{what}: no document {doc}")
            elif not s or not self.docs[doc].has(s):
                E.append(f"{what}: {s!r} not in {doc}")
        owners = collections.defaultdict(set)
        for p in self.persons:
            for k in p.ids:
                owners[k].add(p.tid)
        for k, ts in owners.items():
            if len(ts) > 1 and k not in self.households:
                E.append(f"identifier {k} held by {sorted(ts)}")
        for k in self.households:
            if len(owners.get(k, ())) < 2:
                E.append(f"declared household value {k} is not shared")
        names = collections.Counter(name_tokens(p.name) for p in self.persons if p.name)
        for p in self.persons:
            if p.name and names[name_tokens(p.name)] > 1:
                if name_tokens(p.name) not in self.namesakes:
                    E.append(f"{p.tid} shares the name {p.name!r} without being a declared namesake")
                strong = [k for k in p.ids if k.split(":")[0] in ("nid", "email", "phone")]
                if not strong:
                    E.append(f"{p.tid} shares the name {p.name!r} and has no strong identifier")
        for d in self.decoys:
            k1 = id_key("email", d["value"]) if "@" in d["value"] else "nid:" + nid_key(d["value"])
            if k1 in owners or ("loyalty_card:" + nid_key(d["value"])) in owners or \
                    ("phone:+" + re.sub(r"\D", "", d["value"])) in owners or \
                    ("iban:" + nid_key(d["value"])) in owners:
                E.append(f"decoy {d['value']} is a person's identifier")
            if d.get("must_fail"):
                digits = re.sub(r"\D", "", d["value"])
                if check.any_person_id(digits) or any(VALIDATORS[t](d["value"]) for t in NAT_TYPES if t in VALIDATORS):
                    E.append(f"must_fail decoy {d['value']} passes a national-ID check")
        for path, (kind, names_) in self.members.items():
            try:
                data = self.archive_data(path)
            except Exception as ex:   # noqa: BLE001
                E.append(f"archive {path} unreadable: {ex}")
                continue
            if kind == "zip":
                with zipfile.ZipFile(io.BytesIO(data)) as z:
                    for n in names_:
                        d = self.docs.get(path + "!/" + n)
                        if d is not None and z.read(n) != d.data:
                            E.append(f"archive member {path}!/{n} differs")
            else:
                with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tf:
                    for n in names_:
                        d = self.docs.get(path + "!/" + n)
                        if d is not None and tf.extractfile(n).read() != d.data:
                            E.append(f"archive member {path}!/{n} differs")
        # linkability: the documents holding a person's identifiers must form one group through shared values
        # (documents where a person has no identifier join through name + birth date / name + address by construction)
        for p in self.persons:
            by_doc = collections.defaultdict(set)
            for o in p.occ:
                by_doc[o["file"]].add(id_key(o["type"], o["value"]))
            docs = list(by_doc)
            if len(docs) < 2:
                continue
            seen, stack = {docs[0]}, [docs[0]]
            while stack:
                d = stack.pop()
                for e in docs:
                    if e not in seen and by_doc[d] & by_doc[e]:
                        seen.add(e)
                        stack.append(e)
            if len(seen) != len(docs):
                E.append(f"{p.tid} {p.name!r}: documents not linked by identifiers: {sorted(set(docs) - seen)[:3]}")
        tids = [p.tid for p in self.persons]
        if len(set(tids)) != len(tids):
            E.append("duplicate tids")
        return E


# ---------------------------------------------------------------- small helpers

def jdump(obj, ascii_=False, indent=None):
    return json.dumps(obj, ensure_ascii=ascii_, indent=indent)


def epoch(d):
    return calendar.timegm(d.timetuple())


def dt(y, mo, d, h=0, mi=0, s=0):
    return datetime.datetime(y, mo, d, h, mi, s)


def rand_dt(rng, start, end):
    """a datetime between two datetimes, from the seeded rng"""
    span = int((end - start).total_seconds())
    return start + datetime.timedelta(seconds=rng.randrange(span))


def csv_line(fields, sep=",", quote_all=False, crlf=False):
    out = []
    for f in fields:
        f = "" if f is None else str(f)
        if quote_all or any(c in f for c in (sep, '"', "\n", "\r")):
            f = '"' + f.replace('"', '""') + '"'
        out.append(f)
    return sep.join(out) + ("\r\n" if crlf else "\n")


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def uuid4(rng):
    h = hexid(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) % 4]}{h[17:20]}-{h[20:32]}"


def failing_digits(rng, n, prefix=""):
    """an n-digit number that passes no national-ID check (receipts, orders, barcodes)"""
    while True:
        s = prefix + "".join(rng.choice("0123456789") for _ in range(n - len(prefix)))
        if not check.any_person_id(s) and not v_ssn(s):
            return s


def mistype(rng, code):
    """the same code with one digit changed so that no national-ID check passes"""
    for _ in range(200):
        i = rng.randrange(len(code) - 4, len(code))
        if not code[i].isdigit():
            continue
        c = code[:i] + str((int(code[i]) + rng.randint(1, 9)) % 10) + code[i + 1:]
        if not check.any_person_id(re.sub(r"\D", "", c)) and not any(v(c) for v in VALIDATORS.values() if v is not VALIDATORS["phone"] and v is not VALIDATORS["email"]):
            return c
    return None


def qp(text):
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def b64lines(data):
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))
