"""Hostile-input rows for the public verification pages (core/tests/test_hostile_input.py): the code form fed long,
malformed, SQL, invisible, right-to-left, decomposed and full-width input, and tokens that are not a document's.
A code that is a document's, however it is typed, finds it; anything else says "not found" or answers 404."""

from urllib.parse import quote

from core.tests.hostile import Case, get
from documents.tests.url_rows_verification import public_document

NOT_FOUND = "Không tìm thấy văn bản với mã này."


def context(ctx: dict) -> dict:
    from django.core.cache import cache

    cache.clear()
    return {"public_document": public_document(ctx["alice"].official.unit)}


def _lookup(code) -> object:
    return get(lambda ctx: "/xac-minh/?code=" + quote(code(ctx) if callable(code) else code))


def _token(token) -> object:
    return get(lambda ctx: f"/xac-minh/{quote(token(ctx) if callable(token) else token, safe='')}/")


def _code(ctx) -> str:
    return ctx["public_document"].code


def _spaced(ctx) -> str:
    code = _code(ctx).lower()
    return f"  {code[:4]} - {code[4:8]}\u2011{code[8:]}  "


CASES = [
    Case("verify-code-endless", None, _lookup("7" * 100_000), status=200, says=NOT_FOUND),
    Case("verify-code-malformed", None, _lookup("0O1I-????-%%%%"), status=200, says=NOT_FOUND),
    Case("verify-code-sql", None, _lookup("' OR 1=1 --"), status=200, says=NOT_FOUND),
    Case("verify-code-empty", None, _lookup("   "), status=200, says=NOT_FOUND),
    Case("verify-code-rtl", None, _lookup("\u202eATPD-XD9M-2QK7"), status=200, says=NOT_FOUND),
    Case("verify-code-nfd-letters", None, _lookup("ẮẮẮẮ-ẮẮẮẮ-ẮẮẮẮ"), status=200, says=NOT_FOUND),
    Case("verify-code-typed-loosely", None, _lookup(_spaced), status=200, says="Còn hiệu lực"),
    Case(
        "verify-code-zero-width-inside",
        None,
        _lookup(lambda ctx: "\u200b".join(_code(ctx))),
        status=200,
        says="Còn hiệu lực",
    ),
    Case(
        "verify-code-full-width",
        None,
        _lookup(lambda ctx: "".join(chr(ord(ch) + 0xFEE0) for ch in _code(ctx))),
        status=200,
        says="Còn hiệu lực",
    ),
    Case("verify-token-unknown", None, _token("A" * 43), status=404, says="Không tìm thấy trang"),
    Case("verify-token-endless", None, _token("A" * 5000), status=404, says="Không tìm thấy trang"),
    Case("verify-token-sql", None, _token("x' OR '1'='1"), status=404, says="Không tìm thấy trang"),
    Case("verify-token-other-case", None, _token(lambda ctx: ctx["public_document"].token.swapcase()), status=404),
    Case("verify-token-prefix", None, _token(lambda ctx: ctx["public_document"].token[:20]), status=404),
    Case("verify-token-with-rtl", None, _token(lambda ctx: ctx["public_document"].token + "\u202e"), status=404),
    Case("verify-token-is-the-code", None, _token(_code), status=404),
    Case("verify-token-signed-in", "bob", _token("A" * 43), status=404, says="Không tìm thấy trang"),
]
