"""Free text as people type it: normalised to NFC and bounded, never otherwise transformed.

Characters that only hide or disguise text are dropped at the edge, before anything is stored:
control characters other than tab and newline (a NUL byte is refused by PostgreSQL), the
bidirectional overrides that make "evil\u202egnp.pdf" show as "evilfdp.png", and zero-width
characters. Everything else — words, digits, dots, trailing zeros — is kept exactly.
"""

import re
import unicodedata

from core.numbers import vn_number

# C0/C1 controls but tab and newline; bidirectional embeddings, overrides, isolates and marks; zero-width.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


class TextInvalid(ValueError):
    """Text over its bound; the message says so in Vietnamese."""


def text_normalise(value: str) -> str:
    """NFC, without hidden characters; "\r\n" from a browser's text box becomes "\n"."""
    return _HIDDEN.sub("", unicodedata.normalize("NFC", value.replace("\r\n", "\n")))


def text_clean(value, *, max_length: int, label: str, error: type[Exception] = TextInvalid) -> str:
    """`value` normalised (text_normalise) and at most `max_length` characters, else `error` saying so."""
    text = text_normalise("" if value is None else str(value))
    if len(text) > max_length:
        raise error(f"{label} dài {vn_number(len(text))} ký tự, vượt giới hạn {vn_number(max_length)} ký tự.")
    return text
