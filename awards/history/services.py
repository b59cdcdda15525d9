"""Writes to the history of awards received: an award from before the portal entered by hand (or by the import,
awards/history/imports.py, through the same rules).

Everything is checked before anything is written (checks.award_fields_check: every field; here: who it is for,
who enters it, duplicates), then written in one transaction under the person's (unit's) row lock, so two clerks
entering the same award at once store it once. Errors are AwardInvalid, one Vietnamese message per field
("__all__" for the award as a whole). The portal's own awards (source "portal") are written by the decisions
wing with their decision, certificate number and money; they do not come through here.
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from awards.history.checks import AwardFields, FieldsInvalid, award_fields_check, fold
from awards.history.models import Award
from awards.history.permissions import can_import_awards, can_record_award
from units.models import Official, Unit

AwardInvalid = FieldsInvalid
"""An award that cannot be stored; `errors` maps a field (or "__all__") to why, in Vietnamese."""

WHOLE = "__all__"
ENTERED_SOURCES = (Award.Source.MANUAL, Award.Source.IMPORT)


def snapshot(*, official: Official | None = None, unit: Unit | None = None) -> dict:
    """Who is awarded, as they are now (kept on the award as they were then): an official's name, position and
    unit; a collective's name and the unit above it."""
    if official is not None:
        return {
            "beneficiary": Award.Beneficiary.INDIVIDUAL,
            "name": official.full_name,
            "position": official.position.name,
            "unit_name": official.unit.name,
        }
    return {
        "beneficiary": Award.Beneficiary.COLLECTIVE,
        "name": unit.name,
        "position": "",
        "unit_name": unit.parent.name if unit.parent_id else "",
    }


def award_duplicate(
    *,
    official: Official | None = None,
    unit: Unit | None = None,
    decision_number: str,
    decision_date: date,
    title: str,
    exclude_pk: int | None = None,
) -> Award | None:
    """The award already stored for the same person (unit), decision and title, if any — revoked or not: one
    achievement, one reward. A decision is its number within its year (numbering restarts every year, Decree
    30/2020); the title is compared without accents or case; the number is canonical (checks)."""
    found = Award.objects.filter(
        decision_number=decision_number, decision_date__year=decision_date.year, title_key=fold(title)[:300]
    )
    found = found.filter(official=official) if official is not None else found.filter(unit=unit)
    if exclude_pk is not None:
        found = found.exclude(pk=exclude_pk)
    return found.order_by("pk").first()


def duplicate_message(award: Award) -> str:
    who = "Cán bộ này" if award.official_id else "Tập thể này"
    return (
        f"{who} đã có “{award.title}” theo quyết định {award.decision_text} "
        f"({award.get_source_display().lower()}, ngày {timezone.localtime(award.entered_at):%d/%m/%Y}): "
        "mỗi thành tích chỉ khen một lần."
    )


def beneficiary_lock(*, official: Official | None, unit: Unit | None) -> None:
    """Lock the person's (unit's) row until the transaction ends: entries for them wait for one another."""
    if official is not None:
        Official.objects.select_for_update().filter(pk=official.pk).first()
    else:
        Unit.objects.select_for_update().filter(pk=unit.pk).first()


def award_build(*, fields: AwardFields, official: Official | None, unit: Unit | None, source: str, actor) -> Award:
    """An unsaved award of checked fields, with its snapshot and keys (what award_record and the import store)."""
    award = Award(
        **snapshot(official=official, unit=unit),
        official=official,
        unit=unit,
        year=fields.year,
        title=fields.title,
        decision_number=fields.decision_number,
        decision_date=fields.decision_date,
        issuer=fields.issuer,
        period_start=fields.period_start,
        period_end=fields.period_end,
        source=source,
        entered_by=actor,
    )
    award.keys_fill()
    return award


def award_record(
    *,
    actor: AbstractBaseUser,
    official: Official | None = None,
    unit: Unit | None = None,
    year,
    title,
    decision_number,
    decision_date,
    issuer,
    period_start=None,
    period_end=None,
    source: str = Award.Source.MANUAL,
) -> Award:
    """Store an award received before the portal, for exactly one of an official (individual) or a unit
    (collective), with the name, position and unit copied from the record as it is now.

    Refused (AwardInvalid) when the actor may not enter awards (the secretariat and the admin may; the import
    source is the secretariat's), when a field fails its rule (checks.award_fields_check: year 1945 to this year
    and not after the decision's, decision dated by today, bounded texts, an ordered achievement period), or when
    the same person (unit) already has the same title by the same decision (award_duplicate, under the row lock).
    Values may be typed text or read values (int, date). Nothing is written unless everything passes.
    """
    if (official is None) == (unit is None):
        raise ValueError("award_record: give exactly one of official, unit")
    if source not in ENTERED_SOURCES:
        raise ValueError(f"award_record enters awards from before the portal, not {str(source)!r}")
    allowed = can_import_awards if source == Award.Source.IMPORT else can_record_award
    if not allowed(actor):
        raise AwardInvalid({WHOLE: "Chỉ Thường trực thi đua (và quản trị) được nhập khen thưởng."})
    raw = {
        "year": year,
        "title": title,
        "decision_number": decision_number,
        "decision_date": decision_date,
        "issuer": issuer,
        "period_start": period_start,
        "period_end": period_end,
    }
    fields = award_fields_check(raw, today=timezone.localdate())
    with transaction.atomic():
        beneficiary_lock(official=official, unit=unit)
        same = award_duplicate(
            official=official,
            unit=unit,
            decision_number=fields.decision_number,
            decision_date=fields.decision_date,
            title=fields.title,
        )
        if same is not None:
            raise AwardInvalid({WHOLE: duplicate_message(same)})
        award = award_build(fields=fields, official=official, unit=unit, source=source, actor=actor)
        try:
            with transaction.atomic():
                award.save()
        except IntegrityError:  # stored meanwhile by a path that took no lock
            raise AwardInvalid({WHOLE: "Khen thưởng này vừa được nhập; mỗi thành tích chỉ khen một lần."}) from None
    return award
