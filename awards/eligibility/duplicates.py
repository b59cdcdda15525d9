"""One achievement, one reward (Law 06/2022; Decree 152/2025 Art. 4, 33.7): a nominee — by identity, the
official record or the unit, never the name — proposed for an achievement period and an award form is
caught against awards already decided, against other dossiers still in progress (any unit), and twice in
one dossier. The interval before a next award counts from the previous award's achievement period (from
its decision's date if none is written).

Each conflict is (reason in Vietnamese, blocking): the same form for an overlapping period blocks; another
form for an overlapping period is a warning (one achievement, one form: the council decides).

`conflicts_among` is pure (the records in, the conflicts out); `Records` reads, in two queries, every award
and every open nomination of the people and units of a list of nominees.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from awards.dossiers.models import DossierStatus, Nominee
from awards.history.models import Award

CLOSED = (DossierStatus.DECIDED,)
SAME_FORM, ONE_FORM = ": không đề nghị cùng hình thức hai lần.", ": một thành tích chỉ khen một hình thức."


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _overlaps(start: date, end: date, other_start: date | None, other_end: date) -> bool:
    return (other_start or other_end) <= end and other_end >= start


def identity(nominee: Nominee) -> tuple[str, int]:
    """Who a nominee is: the official record, or the unit for a collective."""
    return ("official", nominee.official_id) if nominee.official_id else ("unit", nominee.unit_id)


@dataclass
class Records:
    """The awards (not revoked) and the open nominations of each identity among `nominees`."""

    awards: dict = field(default_factory=lambda: defaultdict(list))
    nominations: dict = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, nominees: list[Nominee]) -> "Records":
        records = cls()
        officials = {n.official_id for n in nominees if n.official_id}
        units = {n.unit_id for n in nominees if not n.official_id}
        awards = Award.objects.filter(revoked_by__isnull=True).order_by("decision_date", "pk")
        for award in awards.filter(official_id__in=officials) | awards.filter(official__isnull=True, unit_id__in=units):
            key = ("official", award.official_id) if award.official_id else ("unit", award.unit_id)
            records.awards[key].append(award)
        open_ones = (
            Nominee.objects.exclude(dossier__status__in=CLOSED)
            .select_related("dossier__unit", "dossier__award_form")
            .order_by("pk")
        )
        in_progress = open_ones.filter(official_id__in=officials) | open_ones.filter(
            kind=Nominee.Kind.COLLECTIVE, unit_id__in=units
        )
        for other in in_progress:
            records.nominations[identity(other)].append(other)
        return records


def _award_conflict(award: Award, form) -> tuple[str, bool]:
    until = award.rewarded_until
    same = award.award_form_id == form.pk or award.title.casefold() == form.name.casefold()
    period = f"thành tích {_d(award.period_start)}–{_d(until)}" if award.period_start else f"đến ngày {_d(until)}"
    tail = (
        f"không khen cùng hình thức cho cùng thành tích; lần khen tiếp theo tính thành tích từ sau ngày {_d(until)}."
        if same
        else "một thành tích chỉ khen một hình thức; Hội đồng xem xét."
    )
    reason = (
        f"Đã được khen “{award.title}” theo Quyết định số {award.decision_number} ngày {_d(award.decision_date)} "
        f"({period}): {tail}"
    )
    return reason, same


def conflicts_among(nominee: Nominee, records: Records) -> list[tuple[str, bool]]:
    dossier = nominee.dossier
    start, end, form = dossier.period_start, dossier.period_end, dossier.award_form
    key = identity(nominee)
    found = [
        _award_conflict(award, form)
        for award in records.awards[key]
        if award.nominee_id != nominee.pk and _overlaps(start, end, award.period_start, award.rewarded_until)
    ]
    for other in records.nominations[key]:
        od = other.dossier
        if other.pk == nominee.pk or not _overlaps(start, end, od.period_start, od.period_end):
            continue
        if od.pk == dossier.pk:
            found.append(("Có tên hai lần trong cùng một hồ sơ.", True))
            continue
        same_form = od.award_form_id == form.pk
        found.append(
            (
                f"Đang có tên trong hồ sơ “{od.award_form.name}” của {od.unit.short_name} "
                f"({od.get_status_display().lower()}) cho thành tích {_d(od.period_start)}–{_d(od.period_end)}"
                + (SAME_FORM if same_form else ONE_FORM),
                same_form,
            )
        )
    return found


def conflicts(nominee: Nominee) -> list[tuple[str, bool]]:
    """One nominee's conflicts (reason, blocking)."""
    return conflicts_among(nominee, Records.of([nominee]))
