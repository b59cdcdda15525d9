"""The award rules a province or the law may change, as dated settings (DOMAIN.md §4): what each is, its
default, how its value is written, and which value is in force on a day. A dossier, a council meeting and
a decision keep a snapshot of the rules they applied (`rules_snapshot`), so a later change never rewrites
what was decided.

Values are text in one of three shapes: a share ("2/3", read exactly as a fraction), an amount in đồng or a
count ("2340000", "1"), or a text (a legal basis). No float anywhere: a share of 2/3 is 2/3, not 0.6667.
"""

from dataclasses import dataclass
from datetime import date
from fractions import Fraction

SHARE, AMOUNT, TEXT = "share", "amount", "text"


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    kind: str
    default: str
    help: str = ""


RULES = {
    rule.key: rule
    for rule in (
        Rule(
            "council.quorum",
            "Hội đồng phường: số thành viên có mặt tối thiểu (phần của tổng số thành viên)",
            SHARE,
            "2/3",
            "Họp hợp lệ khi số có mặt ≥ phần này của tổng số thành viên.",
        ),
        Rule(
            "council.pass",
            "Hội đồng phường: số phiếu đồng ý cần vượt (phần của tổng số thành viên)",
            SHARE,
            "1/2",
            "Được đề nghị khi số phiếu đồng ý > phần này của tổng số thành viên (kể cả người vắng).",
        ),
        Rule("unit_council.quorum", "Hội đồng đơn vị: số thành viên có mặt tối thiểu", SHARE, "2/3"),
        Rule("unit_council.pass", "Hội đồng đơn vị: số phiếu đồng ý cần vượt", SHARE, "1/2"),
        Rule(
            "ranking.leads",
            "“Dẫn đầu” phong trào: xếp hạng từ 1 đến",
            AMOUNT,
            "1",
            "Tập thể có thứ hạng cả năm không lớn hơn số này được tính là dẫn đầu.",
        ),
        Rule("money.base_salary", "Mức lương cơ sở (đồng)", AMOUNT, "2340000", "Từ 01/07/2024: 2.340.000 đồng."),
        Rule("money.round_to", "Tiền thưởng làm tròn lên đến bội số của (đồng)", AMOUNT, "10000"),
        Rule("money.collective_factor", "Hệ số tập thể so với cá nhân", AMOUNT, "2"),
        Rule(
            "law.decree",
            "Nghị định hướng dẫn Luật Thi đua, khen thưởng đang áp dụng",
            TEXT,
            "Nghị định số 152/2025/NĐ-CP ngày 14/6/2025 của Chính phủ quy định chi tiết một số điều của "
            "Luật Thi đua, khen thưởng",
        ),
        Rule(
            "law.act",
            "Luật Thi đua, khen thưởng",
            TEXT,
            "Luật Thi đua, khen thưởng ngày 15/6/2022",
        ),
    )
}


class RuleValueInvalid(ValueError):
    """A rule's value that cannot be read; the message says why, in Vietnamese."""


def rule_value(key: str, text: str):
    """A stored value read by its rule's kind: Fraction for a share, int for an amount, str for a text."""
    rule = RULES[key]
    text = (text or "").strip()
    if rule.kind == SHARE:
        try:
            value = Fraction(text.replace(",", "."))
        except (ValueError, ZeroDivisionError):
            raise RuleValueInvalid(f"“{text[:30]}” không phải là một phần (ví dụ 2/3 hoặc 1/2).") from None
        if not 0 < value <= 1:
            raise RuleValueInvalid("Phải là một phần lớn hơn 0 và không quá 1 (ví dụ 2/3).")
        return value
    if rule.kind == AMOUNT:
        if not (text.isascii() and text.isdigit()) or len(text) > 12:
            raise RuleValueInvalid("Phải là một số nguyên dương, không có dấu phân cách (ví dụ 2340000).")
        if int(text) <= 0:
            raise RuleValueInvalid("Phải lớn hơn 0.")
        return int(text)
    if not text:
        raise RuleValueInvalid("Cần ghi nội dung.")
    return text


def in_force(rows, day: date) -> dict[str, str]:
    """key → the text of the value in force on `day`: the latest row dated on or before it, else the default.
    `rows` are (key, valid_from, value) for any keys and dates (the caller reads them once)."""
    chosen: dict[str, tuple[date, str]] = {}
    for key, valid_from, value in rows:
        if valid_from <= day and (key not in chosen or valid_from > chosen[key][0]):
            chosen[key] = (valid_from, value)
    return {key: chosen[key][1] if key in chosen else rule.default for key, rule in RULES.items()}
