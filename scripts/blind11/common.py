"""Documents, decoded views, archives, persons, exposures, decoys, truth and self-checks for blind11.

Nothing here iterates over a set or a dict whose order depends on hashing: every collection that shapes
output is a list or an insertion-ordered dict, and sets are only used for membership tests or sorted.
"""
import base64
import collections
import email
import email.policy
import gzip
import html
import io
import random
import re
import tarfile
import unicodedata
import urllib.parse
import zipfile

from shared import check, ids

NID_TYPES = ("ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer",
             "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number")
ELEMENT_ORDER = ["national_id", "name", "email", "phone", "postal_address", "date_of_birth", "health_data",
                 "genetic_data", "lab_result", "prescription", "purchase_history", "loyalty_card", "delivery_info",
                 "iban", "payment_card", "credentials"]
ZIP_TIME = (2023, 9, 25, 3, 14, 0)
TAR_MTIME = 1695611640          # 2023-09-25 03:14:00 UTC


class GenError(Exception):
    pass


# ---------------------------------------------------------------- normalisation (as score.py does it)

def name_tokens(s):
    if not s:
        return ()
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return tuple(sorted(t for t in re.split(r"[^\w]+", s) if t and t != "_"))


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


CC_TRUNK = {"358": "0", "46": "0", "44": "0", "380": "0", "49": "0", "370": "8"}


def phone_from_raw(raw, cc):
    """E.164 from a written phone number, given the country calling code the writer assumes."""
    s = raw.strip()
    if s.lower().startswith("tel:"):
        s = s[4:]
    s = s.replace("(0)", "")
    d = re.sub(r"\D", "", s)
    if s.lstrip("( ").startswith("+"):
        return "+" + d
    if d.startswith("00"):
        return "+" + d[2:]
    if cc == "1":
        if len(d) == 11 and d.startswith("1"):
            return "+" + d
        return "+1" + d
    trunk = CC_TRUNK.get(cc)
    if trunk and d.startswith(trunk):
        d = d[len(trunk):]
    return "+" + cc + d


def raw_normalises(t, raw, value, cc=None):
    c = id_class(t)
    if c == "email":
        return raw.strip().strip("\u00a0").lower() == value
    if c == "phone":
        return cc is not None and phone_from_raw(raw, cc) == value
    if c in ("iban", "loyalty_card", "payment_card"):
        r = re.sub(r"[\s\-]", "", raw).upper()
        v = re.sub(r"[\s\-]", "", value).upper()
        return r == v or (t == "iban" and v.startswith("PL") and r == v[2:])
    return nid_key(raw) == nid_key(value)


# ---------------------------------------------------------------- decoded views

def json_unescape(s):
    def rep(m):
        x = m.group(1)
        if x[0] == "u":
            return chr(int(x[1:], 16))
        return {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}.get(x, "\\" + x)
    out = re.sub(r"\\(u[0-9a-fA-F]{4}|.)", rep, s)
    try:
        return out.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeError:
        return out


def strip_tags(s):
    return html.unescape(re.sub(r"<[^>]*>", " ", s))


DECODERS = {
    "json": json_unescape,
    "xml": html.unescape,
    "strip": strip_tags,
    "url": urllib.parse.unquote,
    "urlplus": urllib.parse.unquote_plus,
}


def mail_text(data):
    msg = email.message_from_bytes(data, policy=email.policy.default)
    out = []
    for part in msg.walk():
        for k in ("From", "To", "Cc", "Reply-To", "Subject"):
            if part.get(k) is not None:
                out.append(f"{k}: {part[k]}")
        if part.get_content_maintype() == "text":
            out.append(part.get_content())
    return "\n".join(out)


class Doc:
    def __init__(self, name, data, enc="utf-8", dec=(), kind="text"):
        self.name, self.data, self.enc, self.dec, self.kind = name, data, enc, tuple(dec), kind
        self._views = None

    def base(self):
        data = self.data
        if self.kind == "mail":
            return mail_text(data)
        if self.kind == "emlx":
            first, rest = data.split(b"\n", 1)
            return mail_text(rest[:int(first.strip())])
        if self.kind == "binary":
            return ""
        return data.decode(self.enc)

    def views(self):
        if self._views is None:
            vs = [self.base()]
            for d in self.dec:
                vs = vs + [DECODERS[d](v) for v in vs]
            self._views = vs
        return self._views

    def has(self, s):
        cands = [s, unicodedata.normalize("NFC", s), unicodedata.normalize("NFD", s)]
        return any(c in v for c in cands for v in self.views())


# ---------------------------------------------------------------- archives

def make_zip(members, date_time=ZIP_TIME):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            zi.create_system = 3
            z.writestr(zi, data)
    return buf.getvalue()


def make_targz(members, mtime=TAR_MTIME):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = mtime
            ti.mode = 0o644
            ti.uid = ti.gid = 0
            ti.uname = ti.gname = ""
            t.addfile(ti, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def gz(data):
    return gzip.compress(data, mtime=0)


def extract(files, docname):
    """The bytes of a document, read back from the files on disk through its archive path."""
    parts = docname.split("!/")
    data = files[parts[0]]
    outer = parts[0]
    for inner in parts[1:]:
        if outer.endswith((".zip", ".pkpass")):
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                data = z.read(inner)
        elif outer.endswith((".tar.gz", ".tgz")):
            with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as t:
                data = t.extractfile(inner).read()
        elif outer.endswith(".gz"):
            data = gzip.decompress(data)
        else:
            raise GenError(f"cannot open {outer} in {docname}")
        outer = inner
    return data


# ---------------------------------------------------------------- MIME writing (deterministic)

def qp(text, charset="utf-8"):
    import quopri
    return quopri.encodestring(text.encode(charset)).decode("ascii")


def b64lines(data):
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def addr(name, mail, charset="utf-8"):
    import email.utils
    if not name:
        return mail
    return email.utils.formataddr((name, mail), charset=charset)


def text_part(body, charset="utf-8", cte="quoted-printable", subtype="plain"):
    head = f"Content-Type: text/{subtype}; charset=\"{charset}\"\nContent-Transfer-Encoding: {cte}\n\n"
    if cte == "quoted-printable":
        payload = qp(body, charset)
    elif cte == "base64":
        payload = b64lines(body.encode(charset))
    else:
        payload = body
    return head + payload


def mime(headers, body_parts, boundary=None, subtype="alternative"):
    """headers: list of (k, v); body_parts: list of part strings (each with its own headers).  Returns a str."""
    h = "".join(f"{k}: {v}\n" for k, v in headers) + "MIME-Version: 1.0\n"
    if len(body_parts) == 1:
        return h + body_parts[0] + "\n"
    out = h + f"Content-Type: multipart/{subtype}; boundary=\"{boundary}\"\n\nThis is a multi-part message in MIME format.\n"
    for p in body_parts:
        out += f"\n--{boundary}\n" + p + "\n"
    return out + f"\n--{boundary}--\n"


# ---------------------------------------------------------------- persons and the case

class Person:
    def __init__(self, tid, name, language, controllers=(), note=""):
        self.tid, self.name, self.language = tid, name, language
        self.variants = []
        self.controllers = list(controllers)
        self.note = note
        self.ids = []              # [(type, value)]
        self.req = collections.OrderedDict()
        self.opt = collections.OrderedDict()
        self.occ = []
        self.links = collections.OrderedDict()   # doc -> list of link keys
        self.breq = collections.OrderedDict()    # batch -> list of required elements
        self.bopt = collections.OrderedDict()
        self.a = {}                # free attributes used by the case modules

    def add_id(self, t, v):
        if (t, v) not in self.ids:
            self.ids.append((t, v))

    def has_id(self, t):
        return any(x == t for x, _ in self.ids)


class Case:
    def __init__(self, n, slug, seed, description):
        self.n, self.slug, self.seed, self.description = n, slug, seed, description
        self.rng = random.Random(f"blind11-{seed}-case{n}")
        self.files = collections.OrderedDict()
        self.docs = collections.OrderedDict()
        self.persons = []
        self.decoys = []
        self.not_persons = []
        self.evidence = []         # (doc, text, what)
        self.extra = collections.OrderedDict()
        self.household_emails = collections.OrderedDict()
        self.household_phones = collections.OrderedDict()
        self.errors = []

    # ------------------------------------------------------------ files and documents
    def add_file(self, path, data):
        if path in self.files:
            raise GenError(f"file {path} written twice")
        self.files[path] = data

    def register(self, name, data, enc="utf-8", dec=(), kind="text"):
        if name in self.docs:
            raise GenError(f"document {name} registered twice")
        d = Doc(name, data, enc, dec, kind)
        self.docs[name] = d
        return name

    def text(self, path, s, enc="utf-8", dec=(), bom=False, crlf=False, kind="text"):
        if crlf:
            s = s.replace("\r\n", "\n").replace("\n", "\r\n")
        data = s.encode(enc)
        denc = enc
        if bom and enc == "utf-8":
            data, denc = b"\xef\xbb\xbf" + data, "utf-8-sig"
        elif bom and enc == "utf-16-le":
            data, denc = b"\xff\xfe" + data, "utf-16"
        self.add_file(path, data)
        self.register(path, data, denc, dec, kind)
        return path

    def binary(self, path, data):
        self.add_file(path, data)

    def member(self, container, name, s, enc="utf-8", dec=(), kind="text"):
        """A document inside an archive. Returns (member name, bytes) for the archive writer."""
        data = s if isinstance(s, bytes) else s.encode(enc)
        if kind != "binary":
            self.register(f"{container}!/{name}", data, enc, dec, kind)
        return name, data

    # ------------------------------------------------------------ persons
    def person(self, name, language, controllers=(), note=""):
        p = Person(f"c{self.n}-{len(self.persons) + 1:04d}", name, language, controllers, note)
        self.persons.append(p)
        return p

    def _batch(self, doc):
        m = re.match(r"(batch\d+)/", doc)
        return m.group(1) if m else None

    def expose(self, p, element, doc, field, req=True, ev=None):
        if element not in ELEMENT_ORDER:
            raise GenError(f"unknown element {element}")
        src = f"{doc} [{field}]"
        tgt = p.req if req else p.opt
        lst = tgt.setdefault(element, [])
        if src not in lst:
            lst.append(src)
        b = self._batch(doc)
        if b:
            bl = (p.breq if req else p.bopt).setdefault(b, [])
            if element not in bl:
                bl.append(element)
        if ev is not None:
            for e in (ev if isinstance(ev, (list, tuple)) else [ev]):
                self.evidence.append((doc, e, f"{p.tid} {element}"))
        p.links.setdefault(doc, [])

    def ident(self, p, t, value, raw, doc, field, req=True, cc=None, check_raw=True):
        """An identifier occurrence: value is canonical, raw is as written in doc."""
        p.add_id(t, value)
        p.occ.append({"type": t, "value": value, "raw": raw, "file": doc, "field": field})
        if check_raw:
            self.evidence.append((doc, raw, f"{p.tid} {t} raw"))
        if not raw_normalises(t, raw, value, cc):
            self.errors.append(f"{p.tid}: raw {raw!r} does not normalise to {t} {value!r}")
        el = "national_id" if t in NID_TYPES else t
        self.expose(p, el, doc, field, req)
        self.link(p, doc, id_key(t, value))

    def name(self, p, doc, field, written, req=True, parts=None):
        """The person's name written in doc (parts: the separate strings as they stand in the document)."""
        for part in (parts or [written]):
            self.evidence.append((doc, part, f"{p.tid} name"))
        if name_tokens(written) != name_tokens(p.name) and written not in p.variants and \
                all(name_tokens(written) != name_tokens(v) for v in p.variants):
            p.variants.append(written)
        self.expose(p, "name", doc, field, req)
        self.link(p, doc, "name")

    def dob(self, p, doc, field, raw, req=True):
        self.expose(p, "date_of_birth", doc, field, req, ev=raw)
        self.link(p, doc, "dob")

    def address(self, p, doc, field, ev, req=True):
        self.expose(p, "postal_address", doc, field, req, ev=ev)
        self.link(p, doc, "addr")

    def link(self, p, doc, key):
        lst = p.links.setdefault(doc, [])
        if key not in lst:
            lst.append(key)

    def decoy(self, kind, value, doc, field, note="", must_fail=True, raw=None):
        if any(d["value"] == value and d["kind"] == kind for d in self.decoys):
            return
        self.decoys.append({"kind": kind, "value": value, "file": doc, "field": field, "note": note,
                            "must_fail": must_fail})
        self.evidence.append((doc, raw if raw is not None else value, f"decoy {kind}"))

    # ------------------------------------------------------------ truth
    def truth(self):
        persons = []
        per_el = collections.Counter()
        per_ctrl = collections.Counter()
        for p in self.persons:
            self.derived_dob(p)
            req = [e for e in ELEMENT_ORDER if e in p.req]
            opt = [e for e in ELEMENT_ORDER if e in p.opt and e not in p.req]
            for e in req:
                per_el[e] += 1
            for c in p.controllers:
                per_ctrl[c] += 1
            d = collections.OrderedDict()
            d["tid"] = p.tid
            d["name"] = p.name
            d["name_variants"] = list(p.variants)
            d["language"] = p.language
            d["identifiers"] = [{"type": t, "value": v} for t, v in p.ids]
            d["elements"] = req
            d["optional_elements"] = opt
            d["provenance"] = {e: sorted(p.req[e]) for e in req}
            d["optional_provenance"] = {e: sorted(p.opt[e]) for e in ELEMENT_ORDER if e in p.opt}
            d["occurrences"] = list(p.occ)
            d["controllers"] = list(p.controllers)
            d["note"] = p.note
            if p.breq or p.bopt:
                d["batches"] = sorted(p.breq)
            persons.append(d)
        t = collections.OrderedDict()
        t["case"] = f"case{self.n}_{self.slug}"
        t["generator"] = "blind11"
        t["seed"] = self.seed
        t["description"] = self.description
        t["files"] = len(self.files)
        t["documents"] = len(self.docs)
        t["expected"] = {"persons": len(persons),
                         "per_element": {e: per_el[e] for e in ELEMENT_ORDER if per_el[e]},
                         "per_controller": {c: per_ctrl[c] for c in sorted(per_ctrl)}}
        t["persons"] = persons
        t["decoys"] = self.decoys
        if self.not_persons:
            t["not_persons"] = self.not_persons
        if self.household_emails:
            t["household_emails"] = self.household_emails
        if self.household_phones:
            t["household_phones"] = self.household_phones
        for k, v in self.extra.items():
            t[k] = v
        if any(p.breq for p in self.persons):
            t.update(self.batch_truth())
        return t

    @staticmethod
    def dob_in_id(t, v):
        return t in ("ee_isikukood", "lt_asmens_kodas", "fi_hetu", "pl_pesel", "se_personnummer", "no_fodselsnummer",
                     "dk_cpr") or (t == "lv_personas_kods" and not v.startswith("32"))

    def derived_dob(self, p):
        """A birth date only derivable from a national ID is optional (never required)."""
        if "date_of_birth" in p.req:
            return
        for o in p.occ:
            if self.dob_in_id(o["type"], o["value"]):
                src = f"{o['file']} [{o['field']} (derivable)]"
                lst = p.opt.setdefault("date_of_birth", [])
                if src not in lst:
                    lst.append(src)
                b = self._batch(o["file"])
                if b:
                    bl = p.bopt.setdefault(b, [])
                    if "date_of_birth" not in bl:
                        bl.append("date_of_birth")

    def batch_truth(self):
        batches = sorted({b for p in self.persons for b in list(p.breq) + list(p.bopt)})
        out = collections.OrderedDict()
        seen = {}
        for b in batches:
            new, known, unchanged = [], collections.OrderedDict(), []
            for p in self.persons:
                if b not in p.breq:
                    continue
                if p.tid not in seen:
                    new.append(p.tid)
                    continue
                before = set()
                for pb in batches[:batches.index(b)]:
                    before |= set(p.breq.get(pb, [])) | set(p.bopt.get(pb, []))
                if "national_id" in before:
                    before.add("date_of_birth")     # derivable from the ID already exposed
                fresh = [e for e in ELEMENT_ORDER if e in p.breq[b] and e not in before]
                if fresh:
                    known[p.tid] = fresh
                else:
                    unchanged.append(p.tid)
            for tid in new:
                seen[tid] = b
            out[b] = {"new": new, "known_with_new_elements": known, "unchanged": unchanged, "cumulative": len(seen)}
        return {"batches": out}

    # ------------------------------------------------------------ self-checks
    def self_check(self):
        errs = list(self.errors)
        # archive members are what the files on disk hold
        for name, d in self.docs.items():
            if "!/" in name:
                try:
                    if extract(self.files, name) != d.data:
                        errs.append(f"document {name} differs from the archive member on disk")
                except Exception as e:           # noqa: BLE001
                    errs.append(f"document {name} cannot be extracted: {e}")
            elif name not in self.files:
                errs.append(f"document {name} is no file")
        for doc, text, what in self.evidence:
            d = self.docs.get(doc)
            if d is None:
                errs.append(f"{what}: unknown document {doc}")
            elif not d.has(text):
                errs.append(f"{what}: {text!r} not in {doc}")
        owner = {}
        shared = {}
        for e, tids in self.household_emails.items():
            shared[id_key("email", e)] = set(tids)
        for ph, tids in self.household_phones.items():
            shared[id_key("phone", ph)] = set(tids)
        names_seen = collections.defaultdict(list)
        for p in self.persons:
            if not p.req:
                errs.append(f"{p.tid}: no required element")
            for t, v in p.ids:
                vf = check.VALIDATORS.get(t)
                if t == "us_ssn":
                    ok = bool(re.fullmatch(r"(?!000|666|9)\d{3}-?(?!00)\d{2}-?(?!0000)\d{4}", v))
                elif vf is None:
                    ok = False
                else:
                    ok = vf(v)
                if not ok:
                    errs.append(f"{p.tid}: {t} {v!r} fails its validator")
                k = id_key(t, v)
                if k in owner and owner[k] != p.tid:
                    if not (k in shared and {owner[k], p.tid} <= shared[k]):
                        errs.append(f"identifier {k} held by {owner[k]} and {p.tid}")
                owner.setdefault(k, p.tid)
            for srcs in list(p.req.values()) + list(p.opt.values()):
                for s in srcs:
                    if s.split(" [")[0] not in self.docs:
                        errs.append(f"{p.tid}: provenance {s} names an unknown document")
            strong = any(id_class(t) in ("nid", "email", "phone") for t, _ in p.ids)
            if p.name:
                names_seen[name_tokens(p.name)].append((p.tid, strong))
            elif not strong:
                errs.append(f"{p.tid}: neither a name nor a strong identifier")
            # every document of the person reachable from every other through shared link keys
            docs = list(p.links)
            if len(docs) > 1:
                keys = {d: set(p.links[d]) for d in docs}
                for d in docs:
                    if "name" in keys[d] and "dob" in keys[d]:
                        keys[d].add("name+dob")
                    if "name" in keys[d] and "addr" in keys[d]:
                        keys[d].add("name+addr")
                    keys[d] -= {"name", "dob", "addr"}
                reach = {docs[0]}
                todo = [docs[0]]
                while todo:
                    x = todo.pop()
                    for y in docs:
                        if y not in reach and keys[x] & keys[y]:
                            reach.add(y)
                            todo.append(y)
                if len(reach) != len(docs):
                    errs.append(f"{p.tid} {p.name}: documents not linked: {[d for d in docs if d not in reach][:3]} "
                                f"vs {docs[0]}")
        for nt, lst in names_seen.items():
            if len(lst) > 1 and not all(s for _, s in lst):
                errs.append(f"name {nt} shared by {[t for t, _ in lst]} and one has no strong identifier")
        all_keys = set(owner)
        for d in self.decoys:
            v = d["value"]
            ks = {id_key("email", v)} if "@" in v else {id_key("nid", v), id_key("phone", v), id_key("iban", v),
                                                        id_key("loyalty_card", v), id_key("payment_card", v)}
            if ks & all_keys:
                errs.append(f"decoy {v!r} ({d['kind']}) equals a person's identifier")
            if d["must_fail"] and check.any_person_id(v):
                errs.append(f"decoy {v!r} ({d['kind']}) passes a national-ID check")
        return errs


# ---------------------------------------------------------------- small helpers shared by the cases

def csv_cell(v, sep=",", always=False):
    v = "" if v is None else str(v)
    if always or any(c in v for c in (sep, '"', "\n", "\r")):
        return '"' + v.replace('"', '""') + '"'
    return v


def csv_line(cells, sep=",", always=False):
    return sep.join(csv_cell(c, sep, always) for c in cells)


def xml_esc(s):
    return (str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"))


def hexid(rng, n):
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def guid(rng):
    h = hexid(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:32]}"


def failing_digits(rng, n, prefix=""):
    """A number of n digits that passes no national-ID check (order/receipt/respondent ids)."""
    while True:
        s = prefix + "".join(str(rng.randint(0, 9)) for _ in range(n - len(prefix)))
        if (prefix or s[0] != "0") and not check.any_person_id(s):
            return s


def mistype(rng, v, validator):
    """The value with one digit changed so that it fails its check."""
    for _ in range(100):
        i = rng.choice([k for k, c in enumerate(v) if c.isdigit()])
        c = str((int(v[i]) + rng.randint(1, 9)) % 10)
        w = v[:i] + c + v[i + 1:]
        if not validator(w) and not check.any_person_id(w):
            return w
    raise GenError("cannot mistype " + v)


def phone_cc(country):
    return ids.CC[country]
