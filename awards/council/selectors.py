"""Reads of the ward council's pages: the meetings, the rules a meeting keeps in words, and the council's sheet
(every nominee with the unit's result, eligibility and the votes recorded), in a fixed number of queries."""

from dataclasses import dataclass, field
from fractions import Fraction

from django.db.models import Count, QuerySet

from awards.catalogue.rules import rule_value
from awards.catalogue.tally import approval_ratio, passes
from awards.council.models import CouncilMeeting, CouncilVote
from awards.council.services import meeting_nominees
from awards.dossiers.models import Dossier, DossierStatus, Nominee, UnitMinutes
from awards.eligibility.facts import verdicts_for
from awards.eligibility.rules import Verdict
from core.numbers import percent, vn_percent


def meetings_listed() -> QuerySet[CouncilMeeting]:
    """Every meeting, the newest first, with its number of nominees voted on."""
    return (
        CouncilMeeting.objects.select_related("campaign")
        .annotate(votes_count=Count("votes"))
        .order_by("-held_on", "-pk")
    )


def waiting_by_campaign() -> dict[int, dict]:
    """Campaign id → dossiers and nominees accepted and waiting for the council."""
    rows = (
        Dossier.objects.filter(status=DossierStatus.ACCEPTED)
        .values("campaign_id")
        .annotate(dossiers=Count("pk", distinct=True), nominees=Count("nominees"))
    )
    return {row["campaign_id"]: row for row in rows}


def share_text(share: Fraction) -> str:
    return "toàn bộ" if share == 1 else f"{share.numerator}/{share.denominator}"


@dataclass(frozen=True)
class MeetingRules:
    quorum: Fraction
    share: Fraction
    total: int

    @property
    def quorum_count(self) -> int:
        """The fewest members present that make the quorum (2/3 of 9: 6)."""
        return -(-self.quorum.numerator * self.total // self.quorum.denominator)

    @property
    def pass_count(self) -> int:
        """The fewest yes votes that pass (over 1/2 of 9: 5)."""
        return self.share.numerator * self.total // self.share.denominator + 1

    @property
    def quorum_words(self) -> str:
        return f"ít nhất {share_text(self.quorum)} tổng số thành viên ({self.quorum_count}/{self.total} người)"

    @property
    def pass_words(self) -> str:
        return (
            f"quá {share_text(self.share)} tổng số thành viên, kể cả người vắng "
            f"(từ {self.pass_count} phiếu đồng ý trở lên)"
        )

    def passes(self, yes: int) -> bool:
        return passes(yes=yes, total=self.total, share=self.share)


def meeting_rules(meeting: CouncilMeeting) -> MeetingRules:
    return MeetingRules(
        quorum=rule_value("council.quorum", meeting.rules["council.quorum"]),
        share=rule_value("council.pass", meeting.rules["council.pass"]),
        total=meeting.members_total,
    )


def ratio_text(yes: int, total: int) -> str:
    """Yes votes as a share of ALL members, as the minutes write it ("77,78%")."""
    return vn_percent(percent(approval_ratio(yes=yes, total=total), 1))


@dataclass
class SheetRow:
    nominee: Nominee
    minutes: UnitMinutes | None
    verdict: Verdict | None
    vote: CouncilVote | None
    form_head: bool = False
    unit_head: bool = False
    yes: str = ""
    no: str = ""
    errors: list[str] = field(default_factory=list)
    ratio: str = ""


def sheet_rows(meeting: CouncilMeeting, typed=None, errors: dict | None = None) -> list[SheetRow]:
    """The sheet's rows, grouped by award form then unit (meeting_nominees' order). `typed`: what was sent
    (shown again after a refusal); `errors`: the service's, keyed "nominee-<id>-yes|no"."""
    errors = errors or {}
    if meeting.status == CouncilMeeting.Status.CLOSED:
        tallies = meeting.votes.select_related("nominee__dossier__unit", "nominee__dossier__award_form")
        votes = {v.nominee_id: v for v in tallies}
        nominees = sorted(
            (v.nominee for v in votes.values()),
            key=lambda n: (n.dossier.award_form.order, n.dossier.award_form_id, n.dossier.unit.order, n.order, n.pk),
        )
    else:
        nominees = meeting_nominees(meeting)
        votes = {v.nominee_id: v for v in meeting.votes.filter(nominee__in=nominees)}
    minutes = {m.dossier_id: m for m in UnitMinutes.objects.filter(dossier__in={n.dossier_id for n in nominees})}
    verdicts = verdicts_for(nominees) if meeting.status == CouncilMeeting.Status.OPEN else {}
    rows, previous = [], (None, None)
    for nominee in nominees:
        vote = votes.get(nominee.pk)
        dossier = nominee.dossier
        row = SheetRow(nominee, minutes.get(dossier.pk), verdicts.get(nominee.pk), vote)
        row.form_head = previous[0] != dossier.award_form_id
        row.unit_head = row.form_head or previous[1] != dossier.unit_id
        previous = (dossier.award_form_id, dossier.unit_id)
        if typed is not None:
            row.yes, row.no = typed.get(f"yes-{nominee.pk}", ""), typed.get(f"no-{nominee.pk}", "")
        elif vote is not None:
            row.yes, row.no = str(vote.yes), str(vote.no)
        row.errors = [errors[key] for key in (f"nominee-{nominee.pk}-yes", f"nominee-{nominee.pk}-no") if key in errors]
        if vote is not None:
            row.ratio = ratio_text(vote.yes, meeting.members_total)
        rows.append(row)
    return rows


def passed_count(rows: list[SheetRow]) -> tuple[int, int]:
    """How many of the rows voted on passed, and how many were voted on."""
    voted = [row for row in rows if row.vote is not None]
    return sum(1 for row in voted if row.vote.passed), len(voted)


def unvoted_names(rows: list[SheetRow]) -> list[str]:
    return [row.nominee.name for row in rows if row.vote is None]
