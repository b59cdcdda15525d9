"""Eligibility as pure rules: an award form's standards and a nominee's facts in, a verdict with reasons out.

Each standard is evaluated from its check code, item by item, met or not and on what evidence; a standard
without a code (or one whose facts are missing) is left to the council and said so. "Required" standards
must all be met; of the "one of" standards at least one. A finding is blocking (the nominee cannot go on)
or a warning (the council decides), and says why in Vietnamese. No database here: awards.eligibility.facts
gathers the facts; the duplicate and interval checks are awards.eligibility.duplicates.
"""

from dataclasses import dataclass, field
from datetime import date

from core.numbers import vn_number

REQUIRED, ONE_OF = "required", "one_of"
MET, NOT_MET, UNKNOWN = True, False, None


@dataclass(frozen=True)
class Standard:
    text: str
    requirement: str  # required | one_of
    check: str = ""


@dataclass(frozen=True)
class InitiativeFact:
    title: str
    recognised_on: date
    level: str


@dataclass(frozen=True)
class AwardFact:
    year: int
    title: str
    reference: str
    """ "215/QĐ-UBND ngày 20/12/2025" as written in the report's table."""


@dataclass(frozen=True)
class Facts:
    """What the portal knows of one nominee, for the standards' checks."""

    kind: str  # collective | individual
    period_start: date
    period_end: date
    discipline: str = ""  # "" (not attested) | clear | disciplined | investigated | complaint
    discipline_until: date | None = None
    discipline_attested_on: date | None = None
    rank: int | None = None
    rank_label: str = ""
    participants: int = 0
    leads_up_to: int = 1
    initiatives: tuple[InitiativeFact, ...] = ()
    unit_yes: int | None = None
    unit_members: int | None = None
    unit_passed: bool | None = None
    in_charge_of_cchc: bool = False
    position: str = ""
    prior_awards: tuple[AwardFact, ...] = ()


@dataclass(frozen=True)
class Finding:
    standard: str
    requirement: str
    met: bool | None
    reason: str
    blocking: bool = False


@dataclass
class Verdict:
    findings: list[Finding] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.blocking and f.met is not MET]

    @property
    def eligible(self) -> bool:
        return not self.blocking


DISCIPLINE_WORDS = {
    "disciplined": "đang trong thời gian bị kỷ luật",
    "investigated": "đang bị điều tra, thanh tra, kiểm tra",
    "complaint": "có đơn thư khiếu nại, tố cáo đang được xem xét",
}


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def check_discipline(facts: Facts) -> tuple[bool | None, str]:
    if not facts.discipline:
        return NOT_MET, "Thủ trưởng đơn vị chưa xác nhận việc chấp hành kỷ luật, kỷ cương hành chính."
    if facts.discipline in DISCIPLINE_WORDS:
        return (
            NOT_MET,
            f"Thủ trưởng đơn vị xác nhận {DISCIPLINE_WORDS[facts.discipline]}: chưa được đề nghị khen thưởng.",
        )
    attested = f" (xác nhận ngày {_d(facts.discipline_attested_on)})" if facts.discipline_attested_on else ""
    if facts.discipline_until and facts.discipline_until > facts.period_start:
        return NOT_MET, (
            f"Kỷ luật gần nhất hết thời hạn ngày {_d(facts.discipline_until)}, sau ngày bắt đầu kỳ thành tích "
            f"({_d(facts.period_start)}): thành tích chỉ được tính từ ngày hết kỷ luật."
        )
    return MET, f"Thủ trưởng đơn vị xác nhận không bị kỷ luật, không đang bị xem xét{attested}."


def check_leads_ranking(facts: Facts) -> tuple[bool | None, str]:
    if facts.rank is None:
        return UNKNOWN, f"Chưa có thứ hạng {facts.rank_label or 'cả năm'} (chưa có điểm được tính): Hội đồng xét."
    place = f"xếp hạng {facts.rank}/{facts.participants} {facts.rank_label}".strip()
    if facts.rank <= facts.leads_up_to:
        return MET, f"Dẫn đầu: {place}."
    return NOT_MET, f"Chưa dẫn đầu: {place} (dẫn đầu là hạng 1 đến {facts.leads_up_to})."


def check_initiative(facts: Facts) -> tuple[bool | None, str]:
    if not facts.initiatives:
        return NOT_MET, (
            f"Không có sáng kiến được công nhận và áp dụng từ {_d(facts.period_start)} đến {_d(facts.period_end)}."
        )
    names = "; ".join(f"“{i.title}” (công nhận ngày {_d(i.recognised_on)})" for i in facts.initiatives)
    return MET, f"Có sáng kiến được công nhận và áp dụng: {names}."


def check_nominated(facts: Facts) -> tuple[bool | None, str]:
    if facts.unit_passed is None or facts.unit_members is None or facts.unit_yes is None:
        return NOT_MET, "Chưa có kết quả bỏ phiếu trong biên bản họp Hội đồng đơn vị."
    votes = f"{facts.unit_yes}/{facts.unit_members} thành viên đồng ý"
    if facts.unit_passed:
        return MET, f"Được Hội đồng đơn vị xét chọn, đề xuất ({votes})."
    return NOT_MET, f"Không đạt số phiếu của Hội đồng đơn vị ({votes})."


def check_in_charge(facts: Facts) -> tuple[bool | None, str]:
    if facts.in_charge_of_cchc:
        return MET, f"Chức vụ “{facts.position}” trực tiếp tham mưu, chỉ đạo, thực hiện công tác CCHC."
    return NOT_MET, f"Chức vụ “{facts.position}” không được ghi là phụ trách công tác CCHC."


def check_two_cstdcs(facts: Facts) -> tuple[bool | None, str]:
    years = sorted({a.year for a in facts.prior_awards if "chiến sĩ thi đua cơ sở" in a.title.casefold()})
    pairs = [y for y in years if y + 1 in years]
    if pairs:
        return MET, f"Được tặng danh hiệu “Chiến sĩ thi đua cơ sở” 2 năm liền: {pairs[-1]} và {pairs[-1] + 1}."
    seen = ", ".join(str(y) for y in years) or "không có năm nào"
    return NOT_MET, f"Chưa có 2 năm liền được tặng “Chiến sĩ thi đua cơ sở” (đã có: {seen})."


def check_two_initiatives(facts: Facts) -> tuple[bool | None, str]:
    count = len(facts.initiatives)
    if count >= 2:
        return UNKNOWN, (
            f"Có {vn_number(count)} sáng kiến được công nhận và áp dụng; việc 02 năm liên tục hoàn thành xuất sắc "
            "nhiệm vụ do Hội đồng xét."
        )
    return NOT_MET, f"Chỉ có {vn_number(count)} sáng kiến được công nhận và áp dụng trong kỳ (cần 02)."


CHECKS = {
    "administrative-discipline": check_discipline,
    "leads-ranking": check_leads_ranking,
    "has-initiative": check_initiative,
    "nominated-by-unit": check_nominated,
    "cchc-in-charge": check_in_charge,
    "two-consecutive-cstdcs": check_two_cstdcs,
    "two-initiatives-in-two-years": check_two_initiatives,
}
COUNCIL = "Không có tiêu chí kiểm tra tự động: Hội đồng xét."


def evaluate(standards: list[Standard], facts: Facts) -> Verdict:
    """Each standard's finding, then whether the "one of" group is met by at least one of them."""
    verdict = Verdict()
    group: list[Finding] = []
    for standard in standards:
        check = CHECKS.get(standard.check)
        met, reason = check(facts) if check else (UNKNOWN, COUNCIL)
        blocking = standard.requirement == REQUIRED and met is NOT_MET
        finding = Finding(standard.text, standard.requirement, met, reason, blocking)
        (group if standard.requirement == ONE_OF else verdict.findings).append(finding)
    if group:
        verdict.findings += group
        if not any(f.met is MET for f in group) and not any(f.met is UNKNOWN for f in group):
            verdict.findings.append(
                Finding(
                    "Đạt ít nhất một tiêu chuẩn của nhóm “một trong các tiêu chuẩn”",
                    REQUIRED,
                    NOT_MET,
                    "Không đạt tiêu chuẩn nào trong nhóm “đạt một trong các tiêu chuẩn”.",
                    blocking=True,
                )
            )
    return verdict
