"""Reads of the chairman's page and the decision register: the dossiers proposed with each nominee's eligibility
and council result, the quota advice, what awaits a decision, the register and one decision, each in a fixed
number of queries whatever the number of rows."""

from collections import defaultdict
from dataclasses import dataclass, field

import rules
from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum

from awards.catalogue.models import AwardForm
from awards.catalogue.rules import AMOUNT, RULES, SHARE, RuleValueInvalid, rule_value
from awards.catalogue.tally import approval_ratio
from awards.council.models import CouncilMeeting, CouncilVote
from awards.decisions.models import Decision
from awards.dossiers.models import Dossier, DossierStatus, Nominee
from awards.eligibility.facts import verdicts_for
from awards.eligibility.rules import Verdict
from awards.history.models import Award
from core.numbers import percent, vn_number, vn_percent
from units.models import Official
from units.selectors import official_of

WOMEN_SHARE = 70
"""A collective with at least this percentage of women is preferred on a tie, like a woman (DOMAIN.md §4)."""


@dataclass
class NomineeRow:
    nominee: Nominee
    verdict: Verdict | None
    vote: CouncilVote | None
    ratio: str = ""
    choice: str = ""
    """ "approve", "reject" or "" as shown in the radio buttons."""
    reason: str = ""
    error: str = ""
    woman: bool = False
    """A woman, or a collective with at least 70% women: preferred on a tie."""

    @property
    def proposed(self) -> bool:
        return bool(self.nominee.council_passed)


@dataclass
class DossierBlock:
    dossier: Dossier
    rows: list[NomineeRow]

    @property
    def proposed_count(self) -> int:
        return sum(1 for row in self.rows if row.proposed)


@dataclass
class QuotaAdvice:
    award_form: AwardForm
    approved: int
    ranking: list[tuple[int, NomineeRow, bool]] = field(default_factory=list)
    """(rank by council yes votes, row, tied with another), the nominees the council passed."""

    @property
    def left(self) -> int:
        return max(self.award_form.quota - self.approved, 0)


_CHOICE = {Nominee.Approval.APPROVED: "approve", Nominee.Approval.REJECTED: "reject"}


def _latest_votes(nominees: list[Nominee]) -> dict[int, CouncilVote]:
    """Nominee id → their tally at the latest closed meeting that voted on them."""
    votes = (
        CouncilVote.objects.filter(nominee__in=nominees, meeting__status=CouncilMeeting.Status.CLOSED)
        .select_related("meeting")
        .order_by("meeting__held_on", "meeting__closed_at", "pk")
    )
    return {vote.nominee_id: vote for vote in votes}


def _women(nominees: list[Nominee]) -> set[int]:
    """Nominees preferred on a tie: women, and collectives whose active officials are at least 70% women."""
    units = {n.unit_id for n in nominees if n.kind == Nominee.Kind.COLLECTIVE}
    shares = (
        Official.objects.filter(unit__in=units, is_active=True)
        .values("unit_id")
        .annotate(total=Count("pk"), women=Count("pk", filter=Q(sex=Official.Sex.FEMALE)))
    )
    women_units = {row["unit_id"] for row in shares if 100 * row["women"] >= WOMEN_SHARE * row["total"] > 0}
    return {
        n.pk
        for n in nominees
        if (n.kind == Nominee.Kind.COLLECTIVE and n.unit_id in women_units)
        or (n.official is not None and n.official.sex == Official.Sex.FEMALE)
    }


def proposed_blocks(typed: dict[int, dict] | None = None, errors: dict[str, str] | None = None) -> list[DossierBlock]:
    """Every dossier proposed to the chairman, oldest sent first, with each nominee's row. `typed`: dossier id →
    what was sent for it (shown again after a refusal); `errors`: the service's, keyed "nominee-<id>"."""
    typed, errors = typed or {}, errors or {}
    nominees_qs = Nominee.objects.select_related("official").order_by("order", "pk")
    dossiers = list(
        Dossier.objects.filter(status=DossierStatus.PROPOSED)
        .select_related("campaign", "unit", "award_form")
        .prefetch_related(Prefetch("nominees", queryset=nominees_qs))
        .order_by("award_form__order", "unit__order", "pk")
    )
    nominees = [n for d in dossiers for n in d.nominees.all()]
    verdicts, votes, women = verdicts_for(nominees), _latest_votes(nominees), _women(nominees)
    blocks = []
    for dossier in dossiers:
        sent = typed.get(dossier.pk)
        rows = []
        for n in dossier.nominees.all():
            vote = votes.get(n.pk)
            row = NomineeRow(n, verdicts.get(n.pk), vote, woman=n.pk in women, error=errors.get(f"nominee-{n.pk}", ""))
            if vote is not None:
                row.ratio = vn_percent(percent(approval_ratio(yes=vote.yes, total=vote.meeting.members_total), 1))
            if sent is not None:
                row.choice, row.reason = sent.get(f"decision-{n.pk}", ""), sent.get(f"reason-{n.pk}", "")
            else:
                row.choice, row.reason = _CHOICE.get(n.approval, ""), n.approval_reason
            rows.append(row)
        blocks.append(DossierBlock(dossier, rows))
    return blocks


def quota_advice(blocks: list[DossierBlock]) -> list[QuotaAdvice]:
    """For each award form with a quota that more nominees passed by the council than it leaves: the ranking by
    council yes votes, ties marked (on a tie a woman, or a collective with ≥ 70% women, is preferred)."""
    passed: dict[int, list[NomineeRow]] = defaultdict(list)
    forms = {}
    for block in blocks:
        form = block.dossier.award_form
        if form.quota is not None:
            forms[form.pk] = form
            passed[form.pk] += [row for row in block.rows if row.proposed]
    if not forms:
        return []
    approved = dict(
        Nominee.objects.filter(
            dossier__award_form__in=list(forms),
            approval=Nominee.Approval.APPROVED,
            dossier__status__in=[DossierStatus.REVIEWED, DossierStatus.DECIDED],
        )
        .values("dossier__award_form")
        .annotate(n=Count("pk"))
        .values_list("dossier__award_form", "n")
    )
    advice = []
    for pk, form in forms.items():
        item = QuotaAdvice(form, approved.get(pk, 0))
        if len(passed[pk]) <= item.left:
            continue
        ranked = sorted(passed[pk], key=lambda row: -(row.vote.yes if row.vote else 0))
        yes_of = [row.vote.yes if row.vote else 0 for row in ranked]
        for i, row in enumerate(ranked):
            rank = 1 + sum(1 for yes in yes_of if yes > yes_of[i])
            item.ranking.append((rank, row, yes_of.count(yes_of[i]) > 1))
        advice.append(item)
    return advice


@dataclass
class Awaiting:
    award_form: AwardForm
    nominees: int
    collectives: int


def awaiting_decisions() -> list[Awaiting]:
    """Per ward award form: the nominees the chairman approved in reviewed dossiers, waiting for the decision."""
    rows = list(
        Nominee.objects.filter(
            dossier__status=DossierStatus.REVIEWED,
            approval=Nominee.Approval.APPROVED,
            dossier__award_form__level=AwardForm.Level.WARD,
        )
        .values("dossier__award_form")
        .annotate(n=Count("pk"), collectives=Count("pk", filter=Q(kind=Nominee.Kind.COLLECTIVE)))
        .order_by("dossier__award_form")
    )
    forms = AwardForm.objects.select_related("campaign").in_bulk([row["dossier__award_form"] for row in rows])
    return [Awaiting(forms[row["dossier__award_form"]], row["n"], row["collectives"]) for row in rows]


def signer_default(user, awaiting: list[Awaiting]) -> tuple[str, str]:
    """The signer's title and name the issue form offers: the chairman signs; the campaign's signer otherwise."""
    campaign = awaiting[0].award_form.campaign if awaiting else None
    title = (campaign.signer_title if campaign else "") or "Chủ tịch"
    official = official_of(user)
    if official is not None and rules.has_perm("awards.approve_dossier", user):
        return title, official.full_name
    return title, campaign.signer_name if campaign else ""


def decisions_listed(year: int | None) -> QuerySet[Decision]:
    """The register, newest first, with each decision's number of awards made or revoked and the money."""
    revoked = (
        Award.objects.filter(revoked_by=OuterRef("pk")).values("revoked_by").annotate(n=Count("pk"), money=Sum("money"))
    )
    decisions = Decision.objects.select_related("award_form").annotate(
        awards_count=Count("awards", distinct=True),
        revoked_count=Subquery(revoked.values("n")),
        revoked_money=Subquery(revoked.values("money")),
    )
    if year is not None:
        decisions = decisions.filter(year=year)
    return decisions.order_by("-issued_on", "-year", "-number")


def decision_years() -> list[int]:
    return list(Decision.objects.values_list("year", flat=True).distinct().order_by("-year"))


def rules_in_words(snapshot: dict[str, str]) -> list[tuple[str, str]]:
    """A decision's snapshot of rules as (what, its value in words), in the rules' order."""
    lines = []
    for key, rule in RULES.items():
        if key not in snapshot:
            continue
        text = snapshot[key]
        try:
            value = rule_value(key, text)
        except RuleValueInvalid:
            value = text
        if rule.kind == SHARE and not isinstance(value, str):
            text = f"{value.numerator}/{value.denominator}"
        elif rule.kind == AMOUNT and not isinstance(value, str):
            text = vn_number(value)
        lines.append((rule.label, text))
    return lines
