"""Writers for the shapes blind10 uses (standard library only)."""
import base64
import datetime as dt
import json
import struct


# ------------------------------------------------------------------ PHP serialize()

def php(v):
    if v is None:
        return "N;"
    if v is True or v is False:
        return f"b:{1 if v else 0};"
    if isinstance(v, int):
        return f"i:{v};"
    if isinstance(v, float):
        return f"d:{repr(v)};"
    if isinstance(v, str):
        return f's:{len(v.encode("utf-8"))}:"{v}";'
    if isinstance(v, list):
        v = list(enumerate(v))
    if isinstance(v, dict):
        v = list(v.items())
    return f"a:{len(v)}:{{" + "".join(php(k) + php(x) for k, x in v) + "}"


# ------------------------------------------------------------------ java.util.Properties.store()

def props_escape(s, key=False):
    out = []
    for i, ch in enumerate(s):
        c = ord(ch)
        if ch == " " and (key or i == 0):
            out.append("\\ ")
        elif ch in "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch in "=:#!":
            out.append("\\" + ch)
        elif c < 0x20 or c > 0x7e:
            out.append(f"\\u{c:04X}")
        else:
            out.append(ch)
    return "".join(out)


# ------------------------------------------------------------------ XML

def x(s):
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xa(s):
    return x(s).replace('"', "&quot;")


# ------------------------------------------------------------------ Apple XML plist

def plist(obj, ind=0):
    t = "\t" * ind
    if isinstance(obj, dict):
        if not obj:
            return t + "<dict/>"
        lines = [t + "<dict>"]
        for k, v in obj.items():
            lines.append(f"{t}\t<key>{x(k)}</key>")
            lines.append(plist(v, ind + 1))
        lines.append(t + "</dict>")
        return "\n".join(lines)
    if isinstance(obj, list):
        if not obj:
            return t + "<array/>"
        return "\n".join([t + "<array>"] + [plist(v, ind + 1) for v in obj] + [t + "</array>"])
    if obj is True:
        return t + "<true/>"
    if obj is False:
        return t + "<false/>"
    if isinstance(obj, int):
        return f"{t}<integer>{obj}</integer>"
    if isinstance(obj, float):
        return f"{t}<real>{obj}</real>"
    if isinstance(obj, dt.datetime):
        return f"{t}<date>{obj:%Y-%m-%dT%H:%M:%SZ}</date>"
    if isinstance(obj, bytes):
        b = base64.b64encode(obj).decode()
        rows = [b[i:i + 68] for i in range(0, len(b), 68)]
        return f"{t}<data>\n" + "\n".join(t + r for r in rows) + f"\n{t}</data>"
    return f"{t}<string>{x(obj)}</string>"


def plist_doc(obj):
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
            '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n' + plist(obj) + "\n</plist>\n")


# ------------------------------------------------------------------ TOML

def toml_str(s):
    return json.dumps(s, ensure_ascii=False)


# ------------------------------------------------------------------ Elasticsearch ?pretty

def es_pretty(obj):
    return json.dumps(obj, ensure_ascii=False, indent=2, separators=(",", " : ")) + "\n"


# ------------------------------------------------------------------ SQL Server scripts

def nq(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, dt.datetime):
        return f"CAST(N'{v:%Y-%m-%dT%H:%M:%S}.{v.microsecond // 1000:03d}' AS DateTime)"
    if isinstance(v, dt.date):
        return f"CAST(N'{v:%Y-%m-%d}' AS Date)"
    return "N'" + str(v).replace("'", "''") + "'"


# ------------------------------------------------------------------ dBase III

def dbf(fields, records, lang_driver=0x64, enc="cp852", date=(123, 11, 2)):
    """fields: [(name, type 'C'/'D'/'N', length)], records: list of lists of str."""
    n = len(fields)
    hlen = 32 + 32 * n + 1
    rlen = 1 + sum(f[2] for f in fields)
    out = bytearray(struct.pack("<BBBBIHH20x", 0x03, date[0], date[1], date[2], len(records), hlen, rlen))
    out[29] = lang_driver
    for name, typ, ln in fields:
        fd = name.encode("ascii").ljust(11, b"\0") + typ.encode() + b"\0\0\0\0" + bytes([ln, 0]) + b"\0" * 14
        out += fd
    out += b"\r"
    for rec in records:
        out += b" "
        for (name, typ, ln), v in zip(fields, rec):
            b = (v or "").encode(enc)
            if typ == "N":
                out += b.rjust(ln)[:ln]
            else:
                out += b.ljust(ln)[:ln]
    out += b"\x1a"
    return bytes(out)
