"""Numbers of the portal: one way to read a number a person typed, one way to round, one way to show.

Reading (parse_count, parse_decimal) is the one parser of every number input — forms, imports, the
admin: it takes what a Vietnamese clerk types ("8,5" or "8.5", a whole number from Excel) and refuses
anything else with a Vietnamese message saying what is wanted: a sign, grouped thousands ("1.234"),
an exponent ("1e30"), more decimals than allowed, a value past its bound. Rounding is exact
(integers and fractions, never floats) and half up to 2 decimals (DOMAIN.md §3 rule 6). Showing is
Vietnamese: "1.234,5" and "99,5%".
"""

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from fractions import Fraction

COUNT_MAX = 10**9
"""The largest count anyone reports (dossiers, payments, a month's one-stop figures): far above any
ward's, far below what a database integer or the scores' arithmetic would trip on."""
DECIMAL_DIGITS = 12
"""Whole digits a decimal input may have before it is refused as too long to be meant."""

_WHOLE = re.compile(r"^[0-9]+$")
_DECIMAL = re.compile(r"^([0-9]+)(?:[.,]([0-9]+))?$")
_GROUPED = re.compile(r"^[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?$|^[0-9]{1,3}(?:,[0-9]{3}){2,}(?:\.[0-9]+)?$")
_ONE_GROUP = re.compile(r"^[0-9]{1,3}[.,][0-9]{3}$")


class NumberInvalid(ValueError):
    """A number that cannot be taken; the message is Vietnamese and says what is wanted."""


def _shown(text: str) -> str:
    return text if len(text) <= 30 else f"{text[:30]}…"


def _text(raw) -> str:
    """A typed number as ASCII (full-width digits become digits), without surrounding spaces."""
    return unicodedata.normalize("NFKC", str(raw)).strip()


def _blank(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def parse_count(raw, *, maximum: int = COUNT_MAX) -> int | None:
    """A whole number from 0 to `maximum`, or None when blank: ints, whole Excel numbers, digits."""
    if _blank(raw):
        return None
    if isinstance(raw, bool):
        raise NumberInvalid("Phải là số nguyên không âm.")
    if isinstance(raw, float | Decimal):
        if raw != raw or raw in (float("inf"), float("-inf")) or (isinstance(raw, Decimal) and not raw.is_finite()):
            raise NumberInvalid("Phải là số nguyên không âm.")
        if raw < 0:
            raise NumberInvalid("Không được là số âm.")
        if raw != int(raw):
            raise NumberInvalid("Phải là số nguyên, không có phần thập phân.")
        return _at_most(int(raw), maximum)
    if isinstance(raw, int):
        if raw < 0:
            raise NumberInvalid("Không được là số âm.")
        return _at_most(raw, maximum)
    text = _text(raw)
    if _WHOLE.match(text):
        return _at_most(int(text) if len(text) <= 20 else maximum + 1, maximum)
    if text.startswith("-") and _DECIMAL.match(text[1:]):
        raise NumberInvalid("Không được là số âm.")
    if _GROUPED.match(text) or _ONE_GROUP.match(text):
        raise NumberInvalid(
            f"Phải là số nguyên, gõ liền các chữ số, không có dấu chấm hay dấu phẩy (“{_shown(text)}”)."
        )
    if _DECIMAL.match(text):
        raise NumberInvalid("Phải là số nguyên, không có phần thập phân.")
    raise NumberInvalid(f"“{_shown(text)}” không phải là số.")


def _at_most(number, maximum):
    if number > maximum:
        raise NumberInvalid(f"Quá lớn: tối đa {vn_number(maximum)}.")
    return number


def parse_decimal(raw, *, places: int = 2, maximum: Decimal | int | None = None, label: str = "") -> Decimal | None:
    """A number from 0 to `maximum` with at most `places` decimals, or None when blank.

    The decimal mark is a comma or a dot ("8,5", "8.5"). Grouped thousands ("1.234,5", "1.234.567")
    are refused with a message saying so, never read as something else; "1.234" with three decimals
    is refused as such, with the same hint. `label` names the value in the bound's message.
    """
    if _blank(raw):
        return None
    if isinstance(raw, bool):
        raise NumberInvalid("Phải là một số.")
    if isinstance(raw, int | float | Decimal):
        try:
            number = Decimal(str(raw))
        except InvalidOperation:
            raise NumberInvalid("Phải là một số.") from None
        if not number.is_finite():
            raise NumberInvalid("Phải là một số.")
    else:
        text = _text(raw)
        if text.startswith("-") and (_DECIMAL.match(text[1:]) or _GROUPED.match(text[1:])):
            raise NumberInvalid("Không được là số âm.")
        if _GROUPED.match(text):
            raise NumberInvalid(
                f"“{_shown(text)}”: không dùng dấu phân cách hàng nghìn; phần thập phân sau dấu phẩy, ví dụ 8,5."
            )
        match = _DECIMAL.match(text)
        if match is None:
            raise NumberInvalid(f"“{_shown(text)}” không phải là số.")
        if len(match.group(1)) > DECIMAL_DIGITS:
            raise NumberInvalid(f"Quá lớn: “{_shown(text)}”.")
        if match.group(2) and len(match.group(2)) > places:
            hint = " (không dùng dấu phân cách hàng nghìn)" if _ONE_GROUP.match(text) else ""
            raise NumberInvalid(f"Chỉ được tối đa {places} chữ số thập phân{hint}.")
        number = Decimal(text.replace(",", "."))
    if number < 0:
        raise NumberInvalid("Không được là số âm.")
    if number.adjusted() >= DECIMAL_DIGITS:
        raise NumberInvalid(f"Quá lớn: tối đa {DECIMAL_DIGITS} chữ số phần nguyên.")
    step = Decimal(1).scaleb(-places)
    if number != number.quantize(step):
        raise NumberInvalid(f"Chỉ được tối đa {places} chữ số thập phân.")
    number = number.quantize(step)
    if maximum is not None and number > maximum:
        raise NumberInvalid(f"{label or 'Giá trị'} phải từ 0 đến {vn_number(maximum)}.")
    return number


# --- Rounding ---------------------------------------------------------------------------------


def ratio_round2(numerator: int, denominator: int) -> Decimal:
    """numerator / denominator (denominator > 0) rounded half up to 2 decimals, in integers."""
    whole, rest = divmod(100 * numerator, denominator)
    if 2 * rest >= denominator:
        whole += 1
    return _CENTS[whole] if 0 <= whole <= 10000 else Decimal(whole).scaleb(-2)


_CENTS = [Decimal(whole).scaleb(-2) for whole in range(10001)]  # 0.00 … 100.00, made once


def round2(number: Fraction | Decimal | int) -> Decimal:
    """Round half up to 2 decimals (rule 6), exactly: no float and no precision limit on the way."""
    numerator, denominator = number.as_integer_ratio()
    return ratio_round2(numerator, denominator)


def percent(part: int | Decimal | Fraction, whole: int | Decimal | Fraction) -> Decimal | None:
    """part / whole × 100, exactly, rounded half up to 2 decimals (rule 6); None when whole is 0.

    The one percentage of the portal: a ratio's value, a unit's score, a criterion's share."""
    if not whole:
        return None
    (pn, pd), (wn, wd) = part.as_integer_ratio(), whole.as_integer_ratio()
    return ratio_round2(100 * pn * wd, pd * wn)


# --- Showing ----------------------------------------------------------------------------------


def vn_number(value, places: int | None = None) -> str:
    """Group thousands with dots, decimals with a comma; trailing zeros dropped unless `places` given."""
    if value is None or value == "":
        return ""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-int(places)), rounding=ROUND_HALF_UP)
        text = f"{number:,.{int(places)}f}"
    else:
        text = f"{number.normalize():,f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def vn_percent(value, places: int = 2) -> str:
    if value is None or value == "":
        return ""
    return f"{vn_number(value, places)}%"
