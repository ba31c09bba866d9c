"""Documents, persons, exposures, decoys, truth and the self-checks of blind8."""
import collections
import html
import json
import random
import re

import fmt
from shared import check

NID_TYPES = {"ee_isikukood", "lt_asmens_kodas", "lv_personas_kods", "fi_hetu", "se_personnummer", "no_fodselsnummer",
             "dk_cpr", "pl_pesel", "us_ssn", "uk_nhs_number"}
OTHER_IDS = {"iban", "loyalty_card", "payment_card"}
ELEMENTS = {"national_id", "name", "email", "phone", "postal_address", "date_of_birth", "health_data", "genetic_data",
            "lab_result", "prescription", "purchase_history", "loyalty_card", "delivery_info", "iban", "payment_card",
            "credentials"}
ID_ELEMENT = {"email": "email", "phone": "phone", "iban": "iban", "loyalty_card": "loyalty_card", "payment_card": "payment_card"}


class SelfCheckError(Exception):
    pass


def id_key(t, v):
    if t == "email":
        return "email:" + v.strip().lower()
    if t == "phone":
        return "phone:+" + re.sub(r"\D", "", v)
    if t in OTHER_IDS:
        return t + ":" + re.sub(r"[\s\-]", "", v).upper()
    s = re.sub(r"[\s\-+]", "", v).upper()
    if len(s) == 12 and s.isdigit() and s[:2] in ("19", "20"):
        s = s[2:]
    return "nid:" + s


def valid(t, v):
    if t in NID_TYPES:
        f = check.VALIDATORS.get(t)
        return bool(f and f(v))
    if t == "email":
        return check.v_email(v) and v == v.strip().lower()
    if t == "phone":
        return check.v_phone(v)
    if t == "iban":
        return check.v_iban(v)
    if t == "loyalty_card":
        return check.v_ean(v)
    if t == "payment_card":
        return check.v_card(v)
    return False


def raw_matches(t, raw, v):
    """The written form decodes to the value by the usual conventions."""
    if t == "email":
        return raw.strip().lower() == v
    if t == "phone":
        d = re.sub(r"\D", "", raw)
        full = v[1:]
        cc_len = 3 if full[:3] in ("372", "371", "370", "358", "380") else (1 if full[0] == "1" else 2)
        cc, nsn = full[:cc_len], full[cc_len:]
        return d in (full, "00" + full, nsn, "0" + nsn, "8" + nsn, cc + "0" + nsn, "00" + cc + "0" + nsn, "1" + nsn if cc == "1" else "x")
    if t in OTHER_IDS:
        return re.sub(r"[\s\-]", "", raw).upper() == v.upper()
    return id_key(t, raw) == id_key(t, v)


class Doc:
    def __init__(self, name, data, kind, enc="utf-8", on_disk=True):
        self.name, self.data, self.kind, self.enc, self.on_disk = name, data, kind, enc, on_disk
        self._views = None

    def views(self):
        if self._views is not None:
            return self._views
        k, d = self.kind, self.data
        v = []
        if k in ("text", "json", "xml", "html", "hl7", "csv"):
            t = d.decode(self.enc)
            v.append(t)
            if k == "json":
                v.append(fmt.json_strings(t))
            if k in ("xml", "html"):
                u = html.unescape(t)
                v.append(u)
                v.append(fmt.html_text(t))
                v.append(fmt.html_text(u))
            if k == "hl7":
                v.append(fmt.hl7_unescape(t))
        elif k == "rtf":
            v.append(fmt.rtf_text(d))
        elif k == "pdf":
            v.append(fmt.pdf_text(d))
        elif k in ("xlsx", "odt"):
            v.append(fmt.ooxml_text(d))
        elif k == "eml":
            texts, _ = fmt.mime_views(d)
            v.extend(texts)
        elif k in ("zip", "binary"):
            pass
        else:
            raise ValueError(k)
        self._views = v
        return v

    def contains(self, s):
        return any(s in t for t in self.views())


class Person:
    def __init__(self, tid, name, lang):
        self.tid, self.name, self.lang = tid, name, lang
        self.variants = []
        self.ids = []
        self.req = collections.OrderedDict()
        self.opt = collections.OrderedDict()
        self.prov = collections.defaultdict(list)
        self.occ = []
        self.controllers = []
        self.notes = []
        self.batch_req = collections.defaultdict(set)
        self.batch_opt = collections.defaultdict(set)
        self.a = {}            # generation attributes

    def add_id(self, t, v):
        if (t, v) not in self.ids:
            self.ids.append((t, v))

    def control(self, c):
        if c not in self.controllers:
            self.controllers.append(c)


class Case:
    def __init__(self, number, slug, seed, description):
        self.number, self.slug, self.description = number, slug, description
        self.rng = random.Random(f"blind8-{seed}-case{number}")
        self.docs = collections.OrderedDict()
        self.files = collections.OrderedDict()      # relpath -> bytes, written to disk
        self.persons = []
        self.decoys = []
        self.checks = []          # (doc, raw, what)
        self.shared_keys = set()  # identifier keys deliberately held by several persons (households)
        self.extra = collections.OrderedDict()
        self.batched = False

    # ---------------------------------------------------------- documents
    def file(self, rel, data, kind, enc="utf-8"):
        if isinstance(data, str):
            data = data.encode(enc)
        if rel in self.files:
            raise SelfCheckError("duplicate file " + rel)
        self.files[rel] = data
        d = Doc(rel, data, kind, enc)
        self.docs[rel] = d
        return rel

    def member(self, container, name, data, kind, enc="utf-8"):
        if isinstance(data, str):
            data = data.encode(enc)
        full = f"{container}!/{name}"
        self.docs[full] = Doc(full, data, kind, enc, on_disk=False)
        return full

    # ---------------------------------------------------------- persons
    def person(self, name, lang):
        p = Person(f"c{self.number}p{len(self.persons) + 1:04d}", name, lang)
        self.persons.append(p)
        return p

    def expose(self, p, doc, element, field="", raw=None, idtype=None, value=None, optional=False, check_raw=True):
        if doc not in self.docs:
            raise SelfCheckError(f"unknown document {doc}")
        if element not in ELEMENTS:
            raise SelfCheckError("unknown element " + element)
        if idtype:
            p.add_id(idtype, value)
            p.occ.append({"type": idtype, "value": value, "file": doc, "field": field, "raw": raw if raw is not None else value})
            if raw is None:
                raw = value
        target = p.opt if optional else p.req
        target[element] = True
        b = doc.split("/")[0] if self.batched else None
        if b:
            (p.batch_opt if optional else p.batch_req)[b].add(element)
        ent = f"{doc} [{field}]" if field else doc
        if ent not in p.prov[element]:
            p.prov[element].append(ent)
        if raw is not None and check_raw:
            self.checks.append((doc, str(raw), f"{p.tid} {element}"))

    def nid(self, p, doc, t, value, raw=None, field=""):
        self.expose(p, doc, "national_id", field, raw if raw is not None else value, idtype=t, value=value)

    def email(self, p, doc, value, raw=None, field=""):
        self.expose(p, doc, "email", field, raw if raw is not None else value, idtype="email", value=value)

    def phone(self, p, doc, value, raw, field=""):
        self.expose(p, doc, "phone", field, raw, idtype="phone", value=value)

    def name(self, p, doc, raw, field="", optional=False, parts=None):
        """raw: the name as a reader puts it together; parts: the pieces as written when they sit in separate fields."""
        tok = check.name_tokens(raw)
        if tok != check.name_tokens(p.name) and all(tok != check.name_tokens(v) for v in p.variants):
            raise SelfCheckError(f"{p.tid}: written name {raw!r} is neither {p.name!r} nor a declared variant {p.variants}")
        if parts:
            self.expose(p, doc, "name", field, None, optional=optional)
            for x in parts:
                self.see(doc, x, f"{p.tid} name part")
        else:
            self.expose(p, doc, "name", field, raw, optional=optional)

    def variant(self, p, v):
        if check.name_tokens(v) != check.name_tokens(p.name) and v not in p.variants:
            p.variants.append(v)

    def el(self, p, doc, element, field="", raw=None, optional=False):
        self.expose(p, doc, element, field, raw, optional=optional)

    def see(self, doc, raw, what="value"):
        """A value that must be present in a document (checked), without truth consequences."""
        self.checks.append((doc, str(raw), what))

    def decoy(self, kind, value, doc, field="", note="", must_fail=False, raw=None):
        self.decoys.append({"kind": kind, "value": str(value), "file": doc, "field": field, "note": note, "must_fail": must_fail})
        self.checks.append((doc, str(raw if raw is not None else value), "decoy " + kind))

    # ---------------------------------------------------------- truth
    def live(self):
        return [p for p in self.persons if p.req]

    def batch_truth(self, batches, published):
        seen_req, seen_any = {}, {}
        out = collections.OrderedDict()
        cum = set()
        for b in batches:
            new, known, unchanged = [], collections.OrderedDict(), []
            for p in self.live():
                r, o = p.batch_req.get(b, set()), p.batch_opt.get(b, set())
                if not r and not o:
                    continue
                earlier = seen_any.get(p.tid, set())
                if p.tid not in cum:
                    if r:
                        new.append(p.tid)
                        cum.add(p.tid)
                else:
                    add = sorted(r - earlier)
                    if add:
                        known[p.tid] = add
                    else:
                        unchanged.append(p.tid)
                seen_any.setdefault(p.tid, set()).update(r | o)
            out[b] = {"new": new, "known_with_new_elements": known, "unchanged": unchanged, "cumulative": len(cum)}
        self.extra["batches"] = out
        self.extra["batch_published"] = published
        self.extra["batch_rule"] = ("new = first batch with a required element; known_with_new_elements = required elements of "
                                    "the batch that were neither required nor optional in an earlier batch; cumulative = persons so far")
        for p in self.live():
            p.a["batches"] = sorted(set(p.batch_req) | set(p.batch_opt))

    def truth(self):
        persons = []
        per_el = collections.Counter()
        per_ctl = collections.Counter()
        for p in self.live():
            req = sorted(p.req)
            opt = sorted(e for e in p.opt if e not in p.req)
            for e in req:
                per_el[e] += 1
            for c in p.controllers:
                per_ctl[c] += 1
            d = collections.OrderedDict()
            d["tid"] = p.tid
            d["name"] = p.name
            d["name_variants"] = p.variants
            d["language"] = p.lang
            d["identifiers"] = [{"type": t, "value": v} for t, v in p.ids]
            d["elements"] = req
            d["optional_elements"] = opt
            d["provenance"] = {e: p.prov[e] for e in sorted(p.prov)}
            d["occurrences"] = p.occ
            d["controllers"] = p.controllers
            d["note"] = "; ".join(p.notes)
            if "batches" in p.a:
                d["batches"] = p.a["batches"]
            persons.append(d)
        t = collections.OrderedDict()
        t["case"] = f"case{self.number}_{self.slug}"
        t["description"] = self.description
        t["files"] = len(self.files)
        t["documents"] = sorted(k for k, d in self.docs.items() if d.kind not in ("zip",))
        t["expected"] = {"persons": len(persons), "per_element": dict(sorted(per_el.items())),
                         "per_controller": dict(sorted(per_ctl.items()))}
        t["persons"] = persons
        t["decoys"] = self.decoys
        for k, v in self.extra.items():
            t[k] = v
        return t

    # ---------------------------------------------------------- self-checks
    def self_check(self):
        errs = []
        live = self.live()
        owners = collections.defaultdict(set)
        for p in live:
            if not p.req:
                errs.append(f"{p.tid} has no required element")
            for t, v in p.ids:
                if not valid(t, v):
                    errs.append(f"{p.tid}: identifier {t}={v} does not validate")
                owners[id_key(t, v)].add(p.tid)
            for o in p.occ:
                if not raw_matches(o["type"], o["raw"], o["value"]):
                    errs.append(f"{p.tid}: raw {o['raw']!r} does not decode to {o['type']} {o['value']}")
            for e, srcs in p.prov.items():
                for s in srcs:
                    dn = s.split(" [")[0]
                    if dn not in self.docs:
                        errs.append(f"{p.tid}: provenance names missing document {dn}")
            if "national_id" in p.req and not any(t in NID_TYPES for t, _ in p.ids):
                errs.append(f"{p.tid}: national_id element without a national ID")
        for k, ts in owners.items():
            if len(ts) > 1 and k not in self.shared_keys:
                errs.append(f"identifier {k} held by {sorted(ts)}")
        # persons without a strong identifier need a unique name
        names = collections.Counter(check.name_tokens(p.name) for p in live if p.name)
        for p in live:
            strong = [t for t, _ in p.ids if t in NID_TYPES or t in ("email", "phone")]
            if not strong and p.name and names[check.name_tokens(p.name)] > 1:
                errs.append(f"{p.tid}: no strong identifier and a name shared with another person: {p.name}")
            if not strong and not p.name:
                errs.append(f"{p.tid}: neither a name nor a strong identifier")
        for d in self.decoys:
            k_n = id_key("x", d["value"])
            for k in (k_n, "email:" + d["value"].strip().lower(), "loyalty_card:" + d["value"].upper(), "phone:+" + re.sub(r"\D", "", d["value"])):
                if k in owners and not (k.startswith("phone:+") and len(re.sub(r"\D", "", d["value"])) < 7):
                    errs.append(f"decoy {d['kind']} {d['value']} is an identifier of {sorted(owners[k])}")
            if d["must_fail"] and check.any_person_id(re.sub(r"\D", "", d["value"])):
                errs.append(f"decoy {d['kind']} {d['value']} passes a national-ID check")
        for doc, raw, what in self.checks:
            if not self.docs[doc].contains(raw):
                errs.append(f"{what}: {raw!r} not found in {doc}")
        for k, d in self.docs.items():
            if not d.on_disk and k.split("!/")[0] not in self.docs:
                errs.append(f"member {k} without its container")
        if errs:
            raise SelfCheckError(f"case{self.number}: {len(errs)} problems:\n  " + "\n  ".join(errs[:40]))
        return len(self.checks)


def dumps(o):
    return json.dumps(o, ensure_ascii=False, indent=1) + "\n"
