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


@dataclass(frozen=True)
class Period:
    key: str
    kind: str  # month | quarter | ytd | year
    months: tuple[date, ...]
    previous: tuple[date, ...]

    @property
    def label(self) -> str:
        """The period in Vietnamese, for pages and messages."""
        first, last = self.months[0], self.months[-1]
        if self.kind == MONTH:
            return f"Tháng {first:%m/%Y}"
        if self.kind == QUARTER:
            return f"Quý {(first.month - 1) // 3 + 1}/{first.year}"
        if self.kind == YTD:
            return f"Lũy kế đến tháng {last:%m/%Y}"
        return f"Năm {first.year}"


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
    """A period the command line cannot read; the message says why, in Vietnamese."""


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$", re.IGNORECASE)
_YTD = re.compile(r"^(\d{4})-YTD(?:-(\d{2}))?$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


def parse_period(text: str, *, latest_accepted: date | None = None) -> Period:
    """Read 2026-03 | 2026-Q1 | 2026-YTD | 2026-YTD-03 | 2026; raise PeriodInvalid.

    2026-YTD means January through `latest_accepted` (the latest month in which any unit has
    an accepted report), or through December when that month is in a later year.
    """
    text = text.strip()
    if match := _MONTH.match(text):
        year, month = int(match[1]), int(match[2])
        if not 1 <= month <= 12:
            raise PeriodInvalid(f"Tháng không hợp lệ trong “{text}”.")
        return month_period(date(year, month, 1))
    if match := _QUARTER.match(text):
        return quarter_period(int(match[1]), int(match[2]))
    if match := _YTD.match(text):
        year = int(match[1])
        if match[2] is not None:
            through = int(match[2])
            if not 1 <= through <= 12:
                raise PeriodInvalid(f"Tháng không hợp lệ trong “{text}”.")
            return ytd_period(year, through)
        if latest_accepted is None or latest_accepted.year < year:
            raise PeriodInvalid(f"Năm {year} chưa có báo cáo nào được chấp nhận nên chưa có số liệu lũy kế.")
        return ytd_period(year, latest_accepted.month if latest_accepted.year == year else 12)
    if match := _YEAR.match(text):
        return year_period(int(match[1]))
    raise PeriodInvalid(f"Kỳ “{text}” không hợp lệ; dùng dạng 2026-03, 2026-Q1, 2026-YTD hoặc 2026.")
