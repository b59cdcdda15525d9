"""Reads of award dossiers: scoped per person (a unit head sees their unit's, the ward-wide roles all; anyone
else's answers 404), one dossier's page with its nominees, the queues of the secretariat and the chairman."""

from django.db.models import Prefetch, QuerySet

from awards.dossiers.models import Dossier, DossierStatus, DossierTransition, Nominee, UnitMinutes
from awards.dossiers.permissions import can_view_dossier
from core.permissions import is_staff_role
from core.versions import history_changes
from units.selectors import units_headed_by


def dossiers_visible_to(user) -> QuerySet[Dossier]:
    dossiers = Dossier.objects.select_related("campaign", "unit", "award_form")
    if is_staff_role(user):
        return dossiers
    return dossiers.filter(unit__in=[u.pk for u in units_headed_by(user)])


def dossier_page(pk: int, user) -> Dossier:
    """One dossier with its nominees (records, reports), minutes and steps, if `user` may see it; raises
    DoesNotExist (the page answers 404)."""
    nominees = (
        Nominee.objects.select_related("official__position", "unit", "report", "award")
        .prefetch_related("council_votes__meeting")  # the ward council's tallies (by the relation's name: a floor up)
        .order_by("order", "pk")
    )
    steps = DossierTransition.objects.select_related("actor__official").order_by("at", "pk")
    dossier = (
        dossiers_visible_to(user)
        .select_related("minutes", "campaign__issuing_unit")  # the documents' legal grounds name the plan's issuer
        .prefetch_related(
            Prefetch("nominees", queryset=nominees),
            Prefetch("transitions", queryset=steps),
            "award_form__standards",
        )
        .get(pk=pk)
    )
    if not can_view_dossier(user, dossier):
        raise Dossier.DoesNotExist
    return dossier


def dossiers_waiting(status: str) -> list[Dossier]:
    """Dossiers in one state, oldest sent first: the secretariat's queue (sent), the chairman's (proposed)."""
    return list(
        Dossier.objects.filter(status=status).select_related("campaign", "unit", "award_form").order_by("submitted_at")
    )


def dossiers_of_campaign(campaign, statuses=None) -> list[Dossier]:
    dossiers = Dossier.objects.filter(campaign=campaign).select_related("unit", "award_form")
    if statuses is not None:
        dossiers = dossiers.filter(status__in=statuses)
    return list(dossiers.order_by("award_form__order", "unit__order"))


SENT = frozenset(set(DossierStatus.values) - {DossierStatus.DRAFT, DossierStatus.RETURNED})


def missing_before_submit(dossier: Dossier) -> list[str]:
    """What the unit must still do before sending: nominees, each with a confirmed report and the discipline
    attested, and the unit council's minutes with every nominee's votes (the "complete" check's list)."""
    nominees = list(dossier.nominees.select_related("report"))
    missing = []
    if not nominees:
        missing.append("chưa có tập thể, cá nhân nào được đề nghị")
    for nominee in nominees:
        if not nominee.report.is_confirmed:
            missing.append(f"báo cáo thành tích của {nominee.name} chưa được thủ trưởng xác nhận")
        if not nominee.discipline:
            missing.append(f"chưa xác nhận kỷ luật, kỷ cương hành chính của {nominee.name}")
    if not UnitMinutes.objects.filter(dossier=dossier).exists():
        missing.append("chưa có biên bản họp Hội đồng đơn vị")
    else:
        missing += [f"biên bản chưa ghi số phiếu của {n.name}" for n in nominees if n.unit_yes is None]
    return missing


MINUTES_FIELDS = ("held_on", "place", "members_total", "members_present", "absent_note", "secret_ballot")
MINUTES_FIELDS += ("chair_name", "secretary_name")


def minutes_changes_since(dossier: Dossier, seen_at) -> list[dict]:
    """Who changed the unit council's minutes after `seen_at` (a field, a nominee's votes), old → new, newest
    first. Shown when a save of the minutes is refused as stale."""
    labels = {name: str(UnitMinutes._meta.get_field(name).verbose_name).capitalize() for name in MINUTES_FIELDS}
    minutes = UnitMinutes.history.filter(dossier_id=dossier.pk).select_related("history_user__official")
    changes = history_changes(minutes.order_by("history_date", "history_id"), labels, seen_at)
    votes = {"unit_yes": "phiếu đồng ý", "unit_no": "phiếu không đồng ý"}
    records = Nominee.history.filter(dossier_id=dossier.pk).select_related("history_user__official")
    by_nominee: dict[int, list] = {}
    for record in records.order_by("history_date", "history_id"):
        by_nominee.setdefault(record.id, []).append(record)
    for history in by_nominee.values():
        changes += history_changes(history, votes, seen_at, prefix=f"{history[-1].name} · ")
    return sorted(changes, key=lambda c: c["at"], reverse=True)
