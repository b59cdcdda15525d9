"""The rules of an award record's own fields, as pure functions: what the entry form, the .xlsx import and the
admin all check before anything is stored (who the award is for, and duplicates, are the services').

A value comes as typed (a form's text) or as read from a cell (an int, a float, a date); each field's error is
Vietnamese and says what is wanted. `fold` is how names and titles are compared and searched: without accents,
case or extra spaces ("Nguyễn Văn Ấn" and "nguyen van an" are one).
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from core.dates import date_read
from core.numbers import NumberInvalid, parse_count
from core.text import TextInvalid, text_clean

FIRST_YEAR = 1945
TITLE_MAX, ISSUER_MAX, NUMBER_MAX = 300, 255, 50
MISSING = {
    "title": "Thiếu danh hiệu hoặc hình thức khen thưởng.",
    "issuer": "Thiếu cơ quan (người) quyết định.",
    "decision_number": "Thiếu số quyết định.",
}
FIELD_LABELS = {
    "year": "Năm",
    "title": "Danh hiệu/Hình thức khen thưởng",
    "decision_number": "Số quyết định",
    "decision_date": "Ngày quyết định",
    "issuer": "Cơ quan quyết định",
    "period_start": "Thành tích từ ngày",
    "period_end": "Thành tích đến ngày",
}
# Số/ký hiệu (Decree 30/2020): the number, then the symbol after a slash; ASCII digits, any letters (Đ).
_NUMBER = re.compile(r"^[0-9]{1,6}/[^\W_][\w.\-&]*(?:/[\w.\-&]+)*$")


def fold(text: str) -> str:
    """Text as compared and searched: no accents (đ → d), no case, single spaces."""
    text = unicodedata.normalize("NFD", text or "").replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def decision_number_canonical(text: str) -> str:
    """ "215 / qđ-ubnd" → "215/QĐ-UBND": no spaces, capitals (the symbol is written in capitals)."""
    return "".join(text.split()).upper()


class FieldsInvalid(Exception):
    """Fields that do not pass; `errors` maps a field name to its Vietnamese message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{FIELD_LABELS.get(k, k)}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class AwardFields:
    year: int
    title: str
    decision_number: str
    decision_date: date
    issuer: str
    period_start: date | None
    period_end: date | None


def _line(raw, *, max_length: int, label: str) -> str:
    """One line of text: normalised and bounded (core.text), with single spaces."""
    return " ".join(text_clean(raw, max_length=max_length, label=label).split())


def award_fields_check(raw: dict, *, today: date) -> AwardFields:
    """The award's own fields read and checked together, or FieldsInvalid listing every bad one.

    Year from 1945 to this year, and not after the decision's year; a decision dated from 1945 to today; title,
    decision number (số/ký hiệu, e.g. 215/QĐ-UBND) and issuer required and bounded; the achievement period
    both ends or neither, ordered, begun by the decision's date, over by the end of the decision's year, and
    holding the award's year.
    """
    errors: dict[str, str] = {}
    values: dict = {}
    try:
        year = parse_count(raw.get("year"), maximum=today.year)
        if year is None:
            errors["year"] = "Thiếu năm khen thưởng."
        elif year < FIRST_YEAR:
            errors["year"] = f"Năm phải từ {FIRST_YEAR} đến {today.year}."
        values["year"] = year
    except NumberInvalid as exc:
        message = str(exc)
        errors["year"] = f"Năm phải từ {FIRST_YEAR} đến {today.year}." if message.startswith("Quá lớn") else message
    for name, max_length in (("title", TITLE_MAX), ("issuer", ISSUER_MAX), ("decision_number", NUMBER_MAX)):
        try:
            values[name] = _line(raw.get(name), max_length=max_length, label=FIELD_LABELS[name])
        except TextInvalid as exc:
            errors[name] = str(exc)
            continue
        if not values[name]:
            errors[name] = MISSING[name]
    if "decision_number" not in errors:
        number = decision_number_canonical(values["decision_number"])
        if not _NUMBER.match(number):
            errors["decision_number"] = "Ghi số và ký hiệu quyết định, ví dụ 215/QĐ-UBND."
        values["decision_number"] = number
    for name in ("decision_date", "period_start", "period_end"):
        try:
            values[name] = date_read(raw.get(name))
        except ValueError as exc:
            errors[name] = str(exc)
    _dates_check(values, errors, today)
    if errors:
        raise FieldsInvalid(errors)
    return AwardFields(**{name: values[name] for name in AwardFields.__dataclass_fields__})


def _dates_check(values: dict, errors: dict[str, str], today: date) -> None:
    decided = values.get("decision_date")
    if "decision_date" not in errors:
        if decided is None:
            errors["decision_date"] = "Thiếu ngày quyết định."
        elif decided > today:
            errors["decision_date"] = f"Ngày quyết định {decided:%d/%m/%Y} chưa tới: không nhập quyết định tương lai."
        elif decided.year < FIRST_YEAR:
            errors["decision_date"] = f"Ngày quyết định phải từ năm {FIRST_YEAR}."
        elif values.get("year") and values["year"] > decided.year:
            errors.setdefault(
                "year", f"Năm {values['year']} sau năm của quyết định ({decided.year}): quyết định không khen trước."
            )
    if "decision_date" in errors:
        decided = None
    start, end = values.get("period_start"), values.get("period_end")
    if "period_start" in errors or "period_end" in errors or (start is None and end is None):
        return
    if start is None or end is None:
        missing = "period_start" if start is None else "period_end"
        errors[missing] = "Ghi cả ngày bắt đầu và ngày kết thúc của thời gian thành tích, hoặc để trống cả hai."
        return
    if start.year < FIRST_YEAR:
        errors["period_start"] = f"Thời gian thành tích phải từ năm {FIRST_YEAR}."
        return
    if end < start:
        errors["period_end"] = f"Ngày kết thúc ({end:%d/%m/%Y}) trước ngày bắt đầu ({start:%d/%m/%Y})."
        return
    if decided is not None and start > decided:
        errors["period_start"] = f"Thời gian thành tích bắt đầu sau ngày quyết định ({decided:%d/%m/%Y})."
        return
    if decided is not None and end > date(decided.year, 12, 31):
        errors["period_end"] = f"Thời gian thành tích kéo dài quá năm của quyết định ({decided.year})."
        return
    year = values.get("year")
    if year and "year" not in errors and not start.year <= year <= end.year:
        errors["year"] = f"Năm {year} nằm ngoài thời gian thành tích ({start:%d/%m/%Y} – {end:%d/%m/%Y})."
