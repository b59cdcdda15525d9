"""Award money (Decree 152/2025 Art. 49–54, DOMAIN.md §4): pure arithmetic, exact, no float.

coefficient × the base salary in force on the decision's date, a collective twice an individual's
coefficient (the factor is a rule), rounded UP to the next multiple of 10,000 đồng (a rule too).
"""

from decimal import Decimal
from fractions import Fraction


def award_money(*, coefficient: Decimal, base_salary: int, collective: bool, factor: int, round_to: int) -> int:
    """The money of one award, in đồng."""
    exact = Fraction(coefficient) * base_salary * (factor if collective else 1)
    steps = -(-exact // round_to)  # ceiling of exact / round_to, exactly
    return int(steps) * round_to
