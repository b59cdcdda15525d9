"""What an indicator's figures look like: which inputs it takes, how its value is read and shown.

Four shapes cover every indicator a plan can hold: a score the unit gives itself and the secretariat
appraises; a ratio typed as numerator and denominator; a ratio derived from the one-stop counts; a
plain count. Whatever handles figures — the report form, the checks, both imports, the Excel writers,
the score pages, the demo — asks the indicator's shape (`indicator.shape`) instead of branching on its
kind, measure and figure source. How a value becomes points is the scoring rules' business
(emulation.scores.scoring), not the shape's.
"""

from dataclasses import dataclass
from decimal import Decimal

from core.numbers import vn_number


@dataclass(frozen=True)
class Shape:
    key: str
    inputs: tuple[str, ...]
    """The fields a unit head types for it (a one-stop ratio takes its figures from the counts block)."""
    figures: tuple[str, ...]
    """Every figure an entry of it may hold: typed, derived or appraised (imports may set any of them)."""
    imported: tuple[str, ...]
    """What the secretariat's long sheet gives for it: numerator and denominator, a value, or the appraisal."""
    suffix: str
    """After a value: "%" for a ratio, " điểm" for a score, nothing for a count."""
    how: str
    """How it is filled in, as the Excel template says it ({points} is the indicator's maximum)."""
    is_ratio: bool = False
    is_score: bool = False
    one_stop: bool = False
    whole: bool = False
    """Its value is a count: a whole number."""

    def value_text(self, value) -> str:
        """A value as shown: 63,33% for a ratio, 8,5 điểm for a score, 150 for a count; — when there is none."""
        return "—" if value is None else f"{vn_number(value)}{self.suffix}"

    def how_to_fill(self, points: Decimal) -> str:
        return self.how.format(points=vn_number(points))

    def missing(self, figures, evidence_count: int) -> str | None:
        """Why an entry of this shape cannot be sent yet (`figures` has the figure fields), or None."""
        if self.is_score:
            if figures.self_score is None:
                return "chưa tự chấm điểm"
            if not figures.explanation:
                return "chưa có giải trình"
            return "chưa có minh chứng" if evidence_count == 0 else None
        if self.is_ratio:
            if figures.numerator is None or figures.denominator is None:
                return "chưa có số liệu một cửa" if self.one_stop else "chưa nhập đủ tử số và mẫu số"
            return None
        return "chưa nhập giá trị" if figures.value is None else None


RATIO = ("numerator", "denominator")
SCORE = Shape(
    key="score",
    inputs=("self_score", "explanation"),
    figures=("self_score", "appraised_score", "explanation"),
    imported=("appraised_score",),
    suffix=" điểm",
    how="Tự chấm điểm (0–{points}) và giải trình",
    is_score=True,
)
TYPED_RATIO = Shape(
    key="ratio",
    inputs=RATIO,
    figures=RATIO,
    imported=RATIO,
    suffix="%",
    how="Tử số và mẫu số (số nguyên)",
    is_ratio=True,
)
ONE_STOP_RATIO = Shape(
    key="one_stop_ratio",
    inputs=(),
    figures=RATIO,
    imported=RATIO,
    suffix="%",
    how="Tính từ trang “Một cửa”",
    is_ratio=True,
    one_stop=True,
)
COUNT = Shape(
    key="count",
    inputs=("value",),
    figures=("value",),
    imported=("value",),
    suffix="",
    how="Giá trị (số nguyên)",
    whole=True,
)
SHAPES = (SCORE, TYPED_RATIO, ONE_STOP_RATIO, COUNT)


def shape_of(*, measure: str, figure_source: str) -> Shape:
    """The shape of an indicator measured as `measure` (percent | count | score) with its figures from
    `figure_source` (manual, or one of the one-stop derivations)."""
    if measure == "score":
        return SCORE
    if measure == "percent":
        return TYPED_RATIO if figure_source == "manual" else ONE_STOP_RATIO
    return COUNT
