"""A council's arithmetic (DOMAIN.md §4), pure and exact: a meeting decides only with its quorum of members
present; a nominee passes with yes votes over the pass share of ALL members, not of those present."""

from fractions import Fraction


def quorum_met(*, present: int, total: int, quorum: Fraction) -> bool:
    """At least `quorum` of all members are present (2/3 of 9 is 6)."""
    return total > 0 and Fraction(present, total) >= quorum


def passes(*, yes: int, total: int, share: Fraction) -> bool:
    """Yes votes exceed `share` of all members (over half of 9 is 5)."""
    return total > 0 and Fraction(yes, total) > share


def approval_ratio(*, yes: int, total: int) -> Fraction:
    """Yes votes over all members, the ratio the minutes write."""
    return Fraction(yes, total) if total else Fraction(0)
