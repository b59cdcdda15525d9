"""What the portal knows of nominees, gathered for the eligibility rules (awards.eligibility.rules), and each
nominee's verdict: standards item by item, then the duplicate checks.

Reads only, in a fixed number of queries for any list of nominees (`verdicts_for`): the nominees with their
dossiers, records and minutes, the forms' standards, the units' stored ranks, the campaigns' counting
initiatives, the awards and open nominations of everyone listed.
"""

from collections import defaultdict
from datetime import date

from django.utils import timezone

from awards.catalogue.models import AwardStandard
from awards.catalogue.selectors import rules_read, rules_snapshot
from awards.catalogue.tally import passes
from awards.dossiers.models import Dossier, Nominee
from awards.eligibility.duplicates import Records, conflicts_among, identity
from awards.eligibility.rules import AwardFact, Facts, Finding, InitiativeFact, Standard, Verdict, evaluate
from emulation.initiatives.selectors import initiatives_counting_in
from emulation.scores.models import UnitScore

DUPLICATE = "Một thành tích chỉ khen thưởng một lần"


class _Context:
    """Everything the verdicts of a list of nominees read, fetched once."""

    def __init__(self, nominees: list[Nominee]):
        dossiers = {n.dossier_id: n.dossier for n in nominees}.values()
        forms = {d.award_form_id for d in dossiers}
        self.standards: dict[tuple[int, str], list[Standard]] = defaultdict(list)
        for s in AwardStandard.objects.filter(award_form_id__in=forms).order_by("award_form_id", "order", "pk"):
            self.standards[(s.award_form_id, s.beneficiary)].append(Standard(s.text, s.requirement, s.check_code))
        today = rules_snapshot(timezone.localdate()) if any(not d.rules for d in dossiers) else {}
        self.rules = {d.pk: rules_read(d.rules or today) for d in dossiers}
        self.ranks: dict[tuple[int, int], int | None] = {}
        self.ranked: dict[int, int] = defaultdict(int)
        years = {(d.campaign_id, str(d.campaign.year)) for d in dossiers}
        for campaign_id, period in years:
            rows = UnitScore.objects.filter(campaign_id=campaign_id, period=period).values_list("unit_id", "rank")
            for unit_id, rank in rows:
                self.ranks[(campaign_id, unit_id)] = rank
                self.ranked[campaign_id] += rank is not None
        self.initiatives = initiatives_counting_in({d.campaign_id for d in dossiers})
        self.records = Records.of(nominees)

    def initiatives_of(self, nominee: Nominee, start: date, end: date) -> tuple[InitiativeFact, ...]:
        def counts(i) -> bool:
            if nominee.kind == Nominee.Kind.INDIVIDUAL:
                return any(a.pk == nominee.official_id for a in i.authors.all())
            return i.unit_id == nominee.unit_id

        return tuple(
            InitiativeFact(i.title, i.recognised_on, i.level)
            for i in self.initiatives
            if i.campaign_id == nominee.dossier.campaign_id and start <= i.recognised_on <= end and counts(i)
        )


def _facts(nominee: Nominee, context: _Context) -> Facts:
    dossier = nominee.dossier
    rules = context.rules[dossier.pk]
    minutes = getattr(dossier, "minutes", None)
    unit_passed = None
    if minutes is not None and nominee.unit_yes is not None:
        unit_passed = passes(yes=nominee.unit_yes, total=minutes.members_total, share=rules["unit_council.pass"])
    official = nominee.official
    return Facts(
        kind=nominee.kind,
        period_start=dossier.period_start,
        period_end=dossier.period_end,
        discipline=nominee.discipline,
        discipline_until=nominee.discipline_until,
        discipline_attested_on=nominee.discipline_attested_at.date() if nominee.discipline_attested_at else None,
        rank=context.ranks.get((dossier.campaign_id, nominee.unit_id)),
        rank_label=f"cả năm {dossier.campaign.year}",
        participants=context.ranked[dossier.campaign_id],
        leads_up_to=rules["ranking.leads"],
        initiatives=context.initiatives_of(nominee, dossier.period_start, dossier.period_end),
        unit_yes=nominee.unit_yes,
        unit_members=minutes.members_total if minutes is not None else None,
        unit_passed=unit_passed,
        in_charge_of_cchc=bool(official and official.position.in_charge_of_cchc),
        position=official.position.name if official else "",
        prior_awards=tuple(
            AwardFact(a.year, a.title, a.decision_text)
            for a in sorted(context.records.awards[identity(nominee)], key=lambda a: (a.year, a.pk))
        ),
    )


def verdicts_for(nominees: list[Nominee]) -> dict[int, Verdict]:
    """Nominee id → verdict: the standards of the nominee's form, item by item, then the duplicate and interval
    checks. A fixed number of queries, whatever the number of nominees."""
    related = ("official__position", "unit", "dossier__campaign", "dossier__award_form", "dossier__unit")
    nominees = list(
        Nominee.objects.filter(pk__in=[n.pk for n in nominees]).select_related(*related, "dossier__minutes")
    )
    if not nominees:
        return {}
    context = _Context(nominees)
    verdicts = {}
    for nominee in nominees:
        verdict = evaluate(context.standards[(nominee.dossier.award_form_id, nominee.kind)], _facts(nominee, context))
        verdict.findings += [
            Finding(DUPLICATE, "required", False, reason, blocking)
            for reason, blocking in conflicts_among(nominee, context.records)
        ]
        verdicts[nominee.pk] = verdict
    return verdicts


def nominee_verdict(nominee: Nominee) -> Verdict:
    return verdicts_for([nominee])[nominee.pk]


def dossier_verdicts(dossier: Dossier) -> dict[int, Verdict]:
    """Nominee id → verdict, for every nominee of the dossier."""
    return verdicts_for(list(dossier.nominees.all()))
