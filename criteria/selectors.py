"""Reads of criteria and indicators: what changed in an indicator since a version of it."""

from itertools import pairwise

from criteria.models import Indicator

TRACKED = ("name", "target", "comparison", "points", "scoring_rule", "floor", "baseline", "figure_source")


def indicator_changes_since(indicator: Indicator, version: int | None, limit: int = 20) -> list[dict]:
    """Who changed which field of the indicator after its `version`, when, old → new (newest first)."""
    labels = {f.name: f.verbose_name for f in Indicator._meta.fields}
    records = list(
        Indicator.history.filter(id=indicator.pk).select_related("history_user").order_by("history_date", "pk")
    )
    changes = []
    for before, after in pairwise(records):
        if version is not None and after.version <= version:
            continue
        for name in TRACKED:
            old, new = getattr(before, name), getattr(after, name)
            if old != new:
                who = after.history_user.get_full_name() or after.history_user.username if after.history_user else ""
                changes.append({"at": after.history_date, "user": who, "what": labels[name], "old": old, "new": new})
    return list(reversed(changes))[:limit]
