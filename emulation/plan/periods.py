"""Scoring periods (month, quarter, year to date, year) as pure data: keys, months and the period before.

Keys: "2026-03" a month, "2026-Q1" a quarter, "2026-YTD-03" January to March, "2026" the year.
`previous` is the period of the same length that a rising indicator is compared with
(DOMAIN.md §3 rule 4): the month before, the quarter before, the same months of the year
before, the year before.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MONTH, QUARTER, YTD, YEAR = "month", "quarter", "ytd", "year"
ROMAN_QUARTERS = ("I", "II", "III", "IV")
FIRST_YEAR, LAST_YEAR = 1900, 9999
"""The years a typed period may name: the period before year 1 (or after 9999) is no date at all."""


@dataclass(frozen=True)
class Period:
    key: str
    kind: str  # month | quarter | ytd | year
    months: tuple[date, ...]
    previous: tuple[date, ...]

    @property
    def label(self) -> str:
        """The period in Vietnamese, for pages and messages: Tháng 11/2026, Quý IV/2026,
        Lũy kế đến tháng 11/2026, Năm 2026 (quarters in Roman numerals, as administrative papers write them)."""
        first, last = self.months[0], self.months[-1]
        if self.kind == MONTH:
            return f"Tháng {first:%m/%Y}"
        if self.kind == QUARTER:
            return f"Quý {ROMAN_QUARTERS[(first.month - 1) // 3]}/{first.year}"
        if self.kind == YTD:
            return f"Lũy kế đến tháng {last:%m/%Y}"
        return f"Năm {first.year}"

    @property
    def label_in_sentence(self) -> str:
        """The label inside a sentence: only its first letter lowered ("quý IV/2026", never "quý iv/2026")."""
        label = self.label
        return label[0].lower() + label[1:]


def _months(year: int, first: int, last: int) -> tuple[date, ...]:
    return tuple(date(year, m, 1) for m in range(first, last + 1))


def month_period(month: date) -> Period:
    month = month.replace(day=1)
    before = date(month.year - 1, 12, 1) if month.month == 1 else date(month.year, month.month - 1, 1)
    return Period(key=f"{month:%Y-%m}", kind=MONTH, months=(month,), previous=(before,))


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * (quarter - 1) + 1
    before_year, before_quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    before_first = 3 * (before_quarter - 1) + 1
    return Period(
        key=f"{year}-Q{quarter}",
        kind=QUARTER,
        months=_months(year, first, first + 2),
        previous=_months(before_year, before_first, before_first + 2),
    )


def ytd_period(year: int, through: int) -> Period:
    return Period(
        key=f"{year}-YTD-{through:02d}",
        kind=YTD,
        months=_months(year, 1, through),
        previous=_months(year - 1, 1, through),
    )


def year_period(year: int) -> Period:
    return Period(key=str(year), kind=YEAR, months=_months(year, 1, 12), previous=_months(year - 1, 1, 12))


def periods_for_campaign(campaign_months: Iterable[date]) -> list[Period]:
    """Every month, every quarter, the year to date through every month, and every year the campaign touches."""
    months = sorted({m.replace(day=1) for m in campaign_months})
    result: list[Period] = [month_period(m) for m in months]
    quarters = sorted({(m.year, (m.month - 1) // 3 + 1) for m in months})
    result += [quarter_period(year, quarter) for year, quarter in quarters]
    result += [ytd_period(m.year, m.month) for m in months]
    result += [year_period(year) for year in sorted({m.year for m in months})]
    return result


def periods_containing(month: date, campaign_months: Iterable[date]) -> list[Period]:
    """The campaign's periods whose months include `month`."""
    month = month.replace(day=1)
    return [p for p in periods_for_campaign(campaign_months) if month in p.months]


def periods_affected_by(months: Iterable[date], campaign_months: Iterable[date]) -> list[Period]:
    """The campaign's periods whose score may change when `months` change: those containing one of
    them, and those comparing with one of them (rising indicators read the period before)."""
    changed = {m.replace(day=1) for m in months}
    return [p for p in periods_for_campaign(campaign_months) if changed & (set(p.months) | set(p.previous))]


class PeriodInvalid(ValueError):
    """A period that cannot be read (typed in ?ky= or on the command line); the message says why, in Vietnamese."""


# ASCII digits only: \d would read full-width or Arabic-Indic digits as a year.
_MONTH = re.compile(r"^([0-9]{4})-([0-9]{2})$")
_QUARTER = re.compile(r"^([0-9]{4})-Q([1-4])$", re.IGNORECASE)
_YTD = re.compile(r"^([0-9]{4})-YTD(?:-([0-9]{2}))?$", re.IGNORECASE)
_YEAR = re.compile(r"^([0-9]{4})$")


def _shown(text: str) -> str:
    """What was typed, as a message may repeat it: printable, and short."""
    text = "".join(c if c.isprintable() else "?" for c in text[:31])
    return text if len(text) <= 30 else f"{text[:30]}…"


def parse_period(text: str, *, latest_accepted: date | None = None) -> Period:
    """Read 2026-03 | 2026-Q1 | 2026-YTD | 2026-YTD-03 | 2026; raise PeriodInvalid.

    2026-YTD means January through `latest_accepted` (the latest month in which any unit has
    an accepted report), or through December when that month is in a later year.
    """
    text = text.strip()
    if (match := _MONTH.match(text) or _QUARTER.match(text) or _YTD.match(text) or _YEAR.match(text)) is None:
        raise PeriodInvalid(f"Kỳ “{_shown(text)}” không hợp lệ; dùng dạng 2026-03, 2026-Q1, 2026-YTD hoặc 2026.")
    year = int(match[1])
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PeriodInvalid(f"Năm không hợp lệ trong “{text}”: năm phải từ {FIRST_YEAR} đến {LAST_YEAR}.")
    if match.re is _QUARTER:
        return quarter_period(year, int(match[2]))
    if match.re is _YEAR:
        return year_period(year)
    if match[2] is not None and not 1 <= int(match[2]) <= 12:
        raise PeriodInvalid(f"Tháng không hợp lệ trong “{text}”.")
    if match.re is _MONTH:
        return month_period(date(year, int(match[2]), 1))
    if match[2] is not None:
        return ytd_period(year, int(match[2]))
    if latest_accepted is None or latest_accepted.year < year:
        raise PeriodInvalid(f"Năm {year} chưa có báo cáo nào được chấp nhận nên chưa có số liệu lũy kế.")
    return ytd_period(year, latest_accepted.month if latest_accepted.year == year else 12)
