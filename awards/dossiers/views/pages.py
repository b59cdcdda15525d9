"""The award dossier pages: "Hồ sơ khen thưởng" (a unit head's dossiers and what each still lacks; the
secretariat's queue), opening one, a dossier's page with every nominee's eligibility, and its workflow steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from awards.catalogue.models import AwardForm
from awards.dossiers import selectors, services
from awards.dossiers.models import Dossier, DossierStatus, Nominee
from awards.dossiers.papers.reports import report_documents
from awards.dossiers.verdicts import verdicts_for
from awards.dossiers.workflow import DOSSIER_WORKFLOW
from core.dates import date_read
from core.permissions import is_staff_role
from core.versions import StaleVersion, seen_at_read, version_read
from core.workflow import TransitionDone
from emulation.plan.models import Campaign
from units.models import Official, Unit
from units.selectors import units_headed_by

STATUS_PARAM = "trang-thai"
PAGE_STEPS = frozenset({"submit", "withdraw", "return", "accept", "propose", "forward", "record_province"})
"""The steps taken on the dossier's page; the council's vote, the chairman's review and the decision have theirs."""


CHANGES_SHOWN = 30  # the latest changes on the page; the steps (Lịch sử xử lý) are all shown


def visible_dossier(request: HttpRequest, pk: int) -> Dossier:
    try:
        return selectors.dossier_page(pk, request.user)
    except Dossier.DoesNotExist:
        raise Http404 from None


def _unit_rows(user) -> list[dict]:
    """For each unit the person heads and each active campaign it takes part in: every award form, with the
    unit's dossier (and what it still lacks) or nothing yet."""
    units = units_headed_by(user)
    if not units:
        return []
    campaigns = Campaign.objects.filter(is_active=True, participants__in=units).distinct().order_by("-year", "code")
    forms = AwardForm.objects.filter(campaign__in=campaigns).order_by("order", "pk")
    dossiers = {
        (d.campaign_id, d.unit_id, d.award_form_id): d
        for d in Dossier.objects.filter(unit__in=units, campaign__in=campaigns)
        .select_related("campaign", "unit", "award_form")
        .annotate(nominee_count=Count("nominees"))
    }
    rows = []
    for campaign in campaigns:
        for unit in units:
            for form in (f for f in forms if f.campaign_id == campaign.pk):
                dossier = dossiers.get((campaign.pk, unit.pk, form.pk))
                missing = (
                    selectors.missing_before_submit(dossier)
                    if dossier is not None and dossier.status in DOSSIER_WORKFLOW.editable
                    else []
                )
                rows.append({"campaign": campaign, "unit": unit, "form": form, "dossier": dossier, "missing": missing})
    return rows


@login_required
def dossier_list(request: HttpRequest) -> HttpResponse:
    """The unit head's dossiers; for the ward-wide roles the queue, filtered by state (?trang-thai=)."""
    status = request.GET.get(STATUS_PARAM, "")
    if status and status not in DossierStatus.values:
        messages.error(request, "Trạng thái lọc không hợp lệ: đang hiện mọi hồ sơ.")
        status = ""
    queue, counts = [], {}
    if is_staff_role(request.user):
        visible = selectors.dossiers_visible_to(request.user)
        counts = dict(visible.order_by().values_list("status").annotate(n=Count("pk")))
        dossiers = visible.annotate(nominee_count=Count("nominees"))
        if status:
            dossiers = dossiers.filter(status=status)
        queue = list(dossiers.order_by("submitted_at", "campaign", "award_form__order", "unit__order")[:200])
    states = [(s, label, counts.get(s, 0)) for s, label in DossierStatus.choices]
    context = {"rows": _unit_rows(request.user), "queue": queue, "states": states, "status": status}
    context["ward_wide"] = is_staff_role(request.user)
    return render(request, "awards/dossiers/list.html", context)


@login_required
@require_POST
def dossier_open(request: HttpRequest) -> HttpResponse:
    campaign = Campaign.objects.filter(code=request.POST.get("campaign", "")[:50], is_active=True).first()
    unit = Unit.objects.filter(code=request.POST.get("unit", "")[:20]).first()
    if campaign is None or unit is None or not request.user.has_perm("awards.open_dossier", unit):
        raise Http404
    form = AwardForm.objects.filter(campaign=campaign, code=request.POST.get("form", "")[:50]).first()
    if form is None:
        raise Http404
    existing = Dossier.objects.filter(campaign=campaign, unit=unit, award_form=form).first()
    if existing is not None:
        return redirect("awards:dossier-detail", pk=existing.pk)
    try:
        dossier = services.dossier_open(campaign=campaign, unit=unit, award_form=form, actor=request.user)
    except services.DossierError as exc:
        messages.error(request, str(exc))
        return redirect("awards:dossier-list")
    messages.success(request, f"Đã lập hồ sơ đề nghị “{form.name}” của {unit.short_name}.")
    return redirect("awards:dossier-detail", pk=dossier.pk)


def _candidates(dossier: Dossier) -> list[Official]:
    """The unit's officials not yet in the dossier, as the official records hold them."""
    taken = {n.official_id for n in dossier.nominees.all()}
    officials = Official.objects.filter(unit=dossier.unit, is_active=True).select_related("position")
    return [o for o in officials.order_by("position__order", "full_name", "pk") if o.pk not in taken]


def detail_context(request: HttpRequest, dossier: Dossier, typed=None) -> dict:
    nominees = list(dossier.nominees.all())
    verdicts = verdicts_for(nominees)
    can_edit = request.user.has_perm("awards.edit_dossier", dossier)
    # Only the way this form's level allows: a ward form is proposed to the chairman, a province form forwarded.
    wrong_way = "forward" if dossier.award_form.level == dossier.award_form.Level.WARD else "propose"
    actions = [
        t for t in DOSSIER_WORKFLOW.available(request.user, dossier) if t.action in PAGE_STEPS and t.action != wrong_way
    ]
    return {
        "dossier": dossier,
        "rows": [
            {"nominee": n, "verdict": verdicts.get(n.pk), "typed_reason": (typed or {}).get(f"reason-{n.pk}", "")}
            for n in nominees
        ],
        "minutes": getattr(dossier, "minutes", None),
        "report_documents": report_documents(nominees),
        "can_edit": can_edit,
        "can_confirm": can_edit and request.user.has_perm("awards.open_dossier", dossier.unit),
        "candidates": _candidates(dossier) if can_edit and dossier.award_form.for_individual else [],
        "collective_missing": dossier.award_form.for_collective
        and not any(n.kind == Nominee.Kind.COLLECTIVE for n in nominees),
        "missing": selectors.missing_before_submit(dossier) if dossier.status in DOSSIER_WORKFLOW.editable else [],
        "actions": actions,
        "awaits_chairman": dossier.status == DossierStatus.PROPOSED and request.user.has_perm("awards.approve_dossier"),
        "disciplines": [c for c in Nominee.Discipline.choices if c[0]],
        "changes": DOSSIER_WORKFLOW.changes_since(dossier, None)[:CHANGES_SHOWN],
        "changes_shown": CHANGES_SHOWN,
        "seen_at": timezone.now().isoformat(),
        "typed": typed or {},
        "today": timezone.localdate(),
    }


@login_required
def dossier_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = visible_dossier(request, pk)
    return render(request, "awards/dossiers/detail.html", detail_context(request, dossier))


def _step_inputs(request: HttpRequest, dossier: Dossier, action: str) -> dict:
    """What a step reads from the form: the reason per nominee on a return, the province's decision."""
    if action == "return":
        return {
            "reasons": {
                n.pk: request.POST.get(f"reason-{n.pk}", "")
                for n in dossier.nominees.all()
                if request.POST.get(f"reason-{n.pk}", "").strip()
            }
        }
    if action == "record_province":
        try:
            decided_on = date_read(request.POST.get("decided_on", "")[:30])
        except ValueError as exc:
            raise services.DossierError(f"Ngày quyết định của tỉnh: {exc}") from None
        wanted = set(request.POST.getlist("awarded"))
        return {
            "number": request.POST.get("number", ""),
            "decided_on": decided_on,
            "awarded": [n.pk for n in dossier.nominees.all() if str(n.pk) in wanted],
        }
    return {}


@login_required
@require_POST
def dossier_transition(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    dossier = visible_dossier(request, pk)
    if action not in PAGE_STEPS:
        raise Http404
    transition = DOSSIER_WORKFLOW.by_action[action]
    try:
        services.dossier_transition(
            dossier=dossier,
            action=action,
            actor=request.user,
            reason=request.POST.get("reason", ""),
            based_on=version_read(request.POST.get("version")),
            seen_at=seen_at_read(request.POST.get("seen_at")),
            **_step_inputs(request, dossier, action),
        )
    except StaleVersion as exc:
        messages.error(request, str(exc))
        context = detail_context(request, visible_dossier(request, pk), typed=request.POST)
        context |= {"stale_changes": exc.changes, "typed_action": action}
        return render(request, "awards/dossiers/detail.html", context, status=409)
    except TransitionDone as exc:
        messages.info(request, str(exc))
    except services.DossierInvalid as exc:
        messages.error(request, "Chưa thực hiện: " + " ".join(exc.errors.values()))
    except services.DossierError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã {transition.label[:1].lower()}{transition.label[1:]}.")
    return redirect("awards:dossier-detail", pk=dossier.pk)
