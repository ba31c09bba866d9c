"""Generators for identifiers, phones, e-mails, IBANs and cards: scripts/blind5/ids.py's, shared
as they are (the same draws give the same values). Validation lives in check.py."""
import shared

shared.export(shared.blind5("ids"), globals())
