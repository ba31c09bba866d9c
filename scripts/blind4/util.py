import csv
import datetime
import io

from common import fold


def rdate(rng, y0, y1):
    a = datetime.date(y0, 1, 1).toordinal()
    b = datetime.date(y1, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(a, b))


def rdt(rng, y0, m0, d0, days):
    base = datetime.datetime(y0, m0, d0, 7, 0, 0)
    return base + datetime.timedelta(days=rng.randrange(days), seconds=rng.randrange(13 * 3600))


def csv_text(rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator=lineterminator)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return buf.getvalue()


def email_for(rng, given, surname, domains, style=None):
    g = fold(given).lower().replace(" ", "").replace("'", "")
    s = fold(surname).lower().replace(" ", "").replace("'", "")
    style = style if style is not None else rng.randrange(6)
    local = [f"{g}.{s}", f"{g}{s}", f"{g[0]}{s}", f"{s}.{g}", f"{g}.{s}{rng.randint(1, 99)}",
             f"{g}_{s[:4]}{rng.randint(50, 99)}"][style]
    return f"{local}@{rng.choice(domains)}"


def sql_str(v):
    if v is None:
        return "NULL"
    if isinstance(v, (int, float)):
        return str(v)
    return "'" + str(v).replace("\\", "\\\\").replace("'", "\\'") + "'"
