"""Reads of the award catalogue: the rules in force on a day (one query), as text for a snapshot and as values."""

from datetime import date

from awards.catalogue.models import RuleSetting
from awards.catalogue.rules import in_force, rule_value


def rules_snapshot(day: date) -> dict[str, str]:
    """key → the text of each rule in force on `day`: what a dossier, a meeting or a decision keeps."""
    return in_force(RuleSetting.objects.values_list("key", "valid_from", "value"), day)


def rules_read(snapshot: dict[str, str]) -> dict:
    """A snapshot's values read by their kinds (Fraction, int, str)."""
    return {key: rule_value(key, text) for key, text in snapshot.items()}
