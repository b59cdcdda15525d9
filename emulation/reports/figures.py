"""Checking a report's figures, whatever they come from (form, Excel): pure functions, no database.

Counts are whole numbers ≥ 0; a ratio's numerator never exceeds its denominator; one-stop
counts must satisfy the identities of DOMAIN.md §2. Every problem is reported in Vietnamese,
keyed by the field it belongs to, so a form or an import can point at the exact cell.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from core import numbers
from core.numbers import NumberInvalid, parse_count, parse_decimal, vn_number
from core.text import TextInvalid, text_clean
from criteria.models import Indicator
from emulation.reports.models import EXPLANATION_MAX

ONE_STOP_LABELS = {
    "received": "Tổng tiếp nhận",
    "received_online": "Tiếp nhận trực tuyến",
    "received_direct": "Tiếp nhận trực tiếp, bưu chính",
    "carried_over": "Kỳ trước chuyển qua",
    "resolved": "Tổng đã giải quyết",
    "resolved_ahead": "Giải quyết trước hạn",
    "resolved_on_time": "Giải quyết đúng hạn",
    "resolved_late": "Giải quyết quá hạn",
    "in_progress": "Tổng đang giải quyết",
    "in_progress_within": "Đang giải quyết trong hạn",
    "in_progress_overdue": "Đang giải quyết quá hạn",
}

# (total, parts, the identity as a clerk reads it)
IDENTITIES = [
    (
        "received",
        ("received_online", "received_direct", "carried_over"),
        "Tổng tiếp nhận = trực tuyến + trực tiếp, bưu chính + kỳ trước chuyển qua",
    ),
    (
        "resolved",
        ("resolved_ahead", "resolved_on_time", "resolved_late"),
        "Tổng đã giải quyết = trước hạn + đúng hạn + quá hạn",
    ),
    ("in_progress", ("in_progress_within", "in_progress_overdue"), "Tổng đang giải quyết = trong hạn + quá hạn"),
    ("received", ("resolved", "in_progress"), "Tổng tiếp nhận = tổng đã giải quyết + tổng đang giải quyết"),
]


FigureError = NumberInvalid
"""One bad value; the message is Vietnamese and says what is wanted (the portal's one number parser)."""


@dataclass
class EntryFigures:
    """The cleaned figures of one indicator; fields the indicator does not use stay None."""

    numerator: int | None = None
    denominator: int | None = None
    value: Decimal | None = None
    self_score: Decimal | None = None
    appraised_score: Decimal | None = None
    explanation: str = ""


@dataclass
class Problems:
    """Errors keyed by (indicator code or "one_stop", field name)."""

    errors: dict[tuple[str, str], str] = field(default_factory=dict)

    def add(self, where: str, field_name: str, message: str) -> None:
        self.errors.setdefault((where, field_name), message)

    def __bool__(self) -> bool:
        return bool(self.errors)


def uses_one_stop(indicator: Indicator) -> bool:
    return indicator.shape.one_stop


def input_fields(indicator: Indicator) -> tuple[str, ...]:
    """The fields a person types for this indicator (one-stop ones come from the counts block)."""
    return indicator.shape.inputs


def figure_fields(indicator: Indicator) -> tuple[str, ...]:
    """Every figure an entry of this indicator may hold, typed, derived or appraised.

    Imports may give a one-stop indicator's numerator and denominator directly, and the
    secretariat's appraised score of a qualitative one.
    """
    return indicator.shape.figures


SCORE_LABELS = {"self_score": "Điểm tự chấm", "appraised_score": "Điểm thẩm định"}


def clean_entry(indicator: Indicator, raw: dict, problems: Problems) -> EntryFigures:
    """Check the figures given in `raw` for one indicator (keys among figure_fields); problems are
    added, cleaned values returned. Blank stays None: completeness is checked on submission."""
    code = indicator.code
    try:
        explanation = text_clean(raw.get("explanation"), max_length=EXPLANATION_MAX, label="Giải trình").strip()
    except TextInvalid as exc:
        problems.add(code, "explanation", str(exc))
        explanation = ""
    figures = EntryFigures(explanation=explanation)
    for name in figure_fields(indicator):
        if name == "explanation" or name not in raw:
            continue
        try:
            if name in ("numerator", "denominator"):
                setattr(figures, name, parse_count(raw[name]))
            elif name == "value" and indicator.shape.whole:
                count = parse_count(raw[name])
                figures.value = None if count is None else Decimal(count)
            else:
                setattr(figures, name, parse_decimal(raw[name]))
        except FigureError as exc:
            problems.add(code, name, str(exc))
    if figures.numerator is not None and figures.denominator is not None and figures.numerator > figures.denominator:
        problems.add(
            code, "numerator", f"Tử số ({figures.numerator}) không được lớn hơn mẫu số ({figures.denominator})."
        )
    for name, label in SCORE_LABELS.items():
        score = getattr(figures, name)
        if score is not None and score > indicator.points:
            problems.add(code, name, f"{label} phải từ 0 đến {vn_number(indicator.points)}.")
    return figures


def clean_one_stop(raw: dict, problems: Problems) -> dict[str, int | None]:
    """Check the one-stop counts and their identities; blank counts stay None."""
    counts: dict[str, int | None] = {}
    for name in ONE_STOP_LABELS:
        try:
            counts[name] = parse_count(raw.get(name))
        except FigureError as exc:
            problems.add("one_stop", name, str(exc))
            counts[name] = None
    if any(("one_stop", name) in problems.errors for name in ONE_STOP_LABELS):
        return counts
    if any(v is not None for v in counts.values()):
        missing = [ONE_STOP_LABELS[n] for n, v in counts.items() if v is None]
        if missing:
            problems.add(
                "one_stop", "received", "Cần nhập đủ các số liệu một cửa; còn thiếu: " + ", ".join(missing) + "."
            )
            return counts
        for total, parts, identity in IDENTITIES:
            if counts[total] != sum(counts[p] for p in parts):
                shown = " + ".join(str(counts[p]) for p in parts)
                problems.add("one_stop", total, f"Sai đẳng thức “{identity}”: {counts[total]} ≠ {shown}.")
    return counts


def derive_from_one_stop(indicator: Indicator, counts: dict[str, int | None]) -> tuple[int | None, int | None]:
    """Numerator and denominator of a one-stop indicator (DOMAIN.md §2)."""
    if counts.get("resolved") is None:
        return None, None
    ahead = counts["resolved_ahead"] or 0
    if indicator.figure_source == Indicator.FigureSource.ONE_STOP_ON_TIME:
        return ahead + (counts["resolved_on_time"] or 0), counts["resolved"]
    return ahead, counts["resolved"]


def missing_for_submission(indicator: Indicator, figures: EntryFigures, evidence_count: int) -> str | None:
    """Why this entry cannot be submitted yet, or None when it is complete."""
    return indicator.shape.missing(figures, evidence_count)


def percent(numerator: int | None, denominator: int | None) -> Decimal | None:
    """The ratio as a percentage with 2 decimals, rounded as the scores are; None for no data
    (no numerator, or a zero denominator)."""
    return numbers.percent(numerator, denominator) if numerator is not None else None
