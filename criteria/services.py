"""Writes to criteria: recording an indicator's thresholds in force from a month on."""

from datetime import date

from django.db import transaction

from criteria.models import Indicator, IndicatorVersion


def version_in_force(versions: list[IndicatorVersion], month: date) -> IndicatorVersion | None:
    """The version with the latest start on or before `month` (the earliest if none started yet)."""
    ordered = sorted(versions, key=lambda v: v.valid_from)
    in_force = [v for v in ordered if v.valid_from <= month]
    return in_force[-1] if in_force else (ordered[0] if ordered else None)


@transaction.atomic
def indicator_version_record(*, indicator: Indicator, valid_from: date, actor=None) -> IndicatorVersion:
    """Keep the indicator's current threshold fields as the version in force from `valid_from`.

    Earlier months keep the versions that were in force. Afterwards the indicator's own fields
    show the latest version again, so a change dated before a later version applies only until it.
    """
    valid_from = valid_from.replace(day=1)
    values = {name: getattr(indicator, name) for name in IndicatorVersion.THRESHOLD_FIELDS}
    version, _ = IndicatorVersion.objects.update_or_create(
        indicator=indicator, valid_from=valid_from, defaults={**values, "created_by": actor}
    )
    latest = indicator.versions.order_by("-valid_from").first()
    if latest is not None and latest.pk != version.pk:
        indicator_thresholds_restore(indicator=indicator, latest=latest)
    return version


def indicator_thresholds_restore(*, indicator: Indicator, latest: IndicatorVersion | None = None) -> None:
    """Make the indicator's own threshold fields show its latest version again (after a later-dated save,
    or after a version is deleted)."""
    latest = latest or indicator.versions.order_by("-valid_from").first()
    if latest is None:
        return
    if any(getattr(indicator, name) != getattr(latest, name) for name in IndicatorVersion.THRESHOLD_FIELDS):
        for name in IndicatorVersion.THRESHOLD_FIELDS:
            setattr(indicator, name, getattr(latest, name))
        indicator.save()
