"""Independent validators and the self-checks run before anything is written: scripts/blind5/check.py's,
shared, with the document views of this generator's formats (folded vCard lines, iCalendar and
EDIFACT escapes, URL encoding, HTML entities)."""
import email
import email.policy

import shared

_blind5 = shared.blind5("check")


def views(doc):
    """The decoded text(s) of a document, for presence checks."""
    import html
    import urllib.parse
    text = doc.decoded()
    out = [text]
    if "unfold" in doc.views:
        text = text.replace("\r\n ", "").replace("\r\n\t", "")
        out.append(text)
    if "ics" in doc.views:
        out.append(text.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\"))
    if "url" in doc.views:
        out.append(urllib.parse.unquote(text))
        out.append(urllib.parse.unquote_plus(text))
    if "html" in doc.views:
        out.append(html.unescape(text))
    if "edi" in doc.views:
        out.append(text.replace("?+", "+").replace("?:", ":").replace("?'", "'").replace("??", "?"))
    if doc.mail:
        msg = email.message_from_bytes(doc.render(), policy=email.policy.default)
        parts = [str(v) for k, v in msg.items()]
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                parts.append(part.get_content())
        out = ["\n".join(parts)]
    return out


# blind5's presence checks (`contains`, `self_check`) read a document through these views.
_blind5.views = views
shared.export(_blind5, globals())
