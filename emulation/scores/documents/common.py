"""What the score documents share: their version (a hash of what they show) and how a number or a met flag reads."""

from core.numbers import vn_number


def points_text(value) -> str:
    return "—" if value is None else vn_number(value)


def met_text(score) -> str:
    """ "Đạt" / "Không đạt" from a stored indicator score; "—" when it has no data, no score or no target."""
    if score is None or not score.has_data or score.met is None:
        return "—"
    return "Đạt" if score.met else "Không đạt"
