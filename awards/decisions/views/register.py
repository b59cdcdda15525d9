"""The decision register (the ward-wide roles; anyone else gets 404): the list by year, one decision with its
awards, issuing the decision for what the chairman approved, and a revoking decision. An issued decision is
never edited: a mistake is corrected by a decision that revokes."""

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from awards.catalogue.models import AwardForm
from awards.decisions import selectors, services
from awards.decisions.models import Decision
from awards.decisions.papers.certificate import KIND as CERTIFICATE
from core.dates import date_read
from core.permissions import is_staff_role
from documents.selectors import documents_latest
from emulation.plan.models import Campaign

PAGE_SIZE = 50
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _reader(request: HttpRequest) -> None:
    if not (rules.has_perm("awards.issue_decision", request.user) or is_staff_role(request.user)):
        raise Http404


def _issuer(request: HttpRequest) -> None:
    if not rules.has_perm("awards.issue_decision", request.user):
        raise Http404


def _year(raw: str) -> tuple[int | None, str]:
    """?nam= read: a year from 2000 to 2100, or None and what is wrong."""
    text = raw.strip()
    if not text:
        return None, ""
    if text.isascii() and text.isdigit() and len(text) == 4 and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text), ""
    shown = text if len(text) <= 20 else f"{text[:20]}…"
    return None, f"Năm “{shown}” không hợp lệ: ghi bốn chữ số từ {FIRST_YEAR} đến {LAST_YEAR}, ví dụ 2026."


@login_required
@require_GET
def decision_list(request: HttpRequest) -> HttpResponse:
    _reader(request)
    year, error = _year(request.GET.get("nam", ""))
    page = Paginator(selectors.decisions_listed(year), PAGE_SIZE).get_page(request.GET.get("trang"))
    can_issue = rules.has_perm("awards.issue_decision", request.user)
    awaiting = selectors.awaiting_decisions() if can_issue else []
    signer_title, signer_name = selectors.signer_default(request.user, awaiting)
    context = {
        "page": page,
        "year": year,
        "year_error": error,
        "years": selectors.decision_years(),
        "can_issue": can_issue,
        "awaiting": awaiting,
        "signer_title": signer_title,
        "signer_name": signer_name,
        "today": timezone.localdate(),
        "back": "quyet-dinh",
    }
    return render(request, "awards/decisions/list.html", context, status=400 if error else 200)


def _back(request: HttpRequest) -> str:
    """Where the issue form was: the chairman's page or the register (never an address from the request)."""
    on_chairman = request.POST.get("back") == "cho-duyet" and rules.has_perm("awards.approve_dossier", request.user)
    return reverse("awards:chairman" if on_chairman else "awards:decision-list")


def _issued_on(request: HttpRequest):
    """The date typed (dd/mm/yyyy, or yyyy-mm-dd from a date picker), or a message saying what is wrong."""
    try:
        issued_on = date_read(request.POST.get("issued_on"))
    except ValueError as exc:
        return None, f"Ngày ban hành: {exc}"
    return issued_on, "" if issued_on is not None else "Cần ghi ngày ban hành."


@login_required
@require_POST
def decision_issue(request: HttpRequest) -> HttpResponse:
    """The decision for every nominee the chairman approved in one ward award form of a campaign."""
    _issuer(request)
    back = _back(request)
    campaign = Campaign.objects.filter(code=request.POST.get("campaign", "")[:30]).first()
    form = AwardForm.objects.filter(campaign=campaign, code=request.POST.get("award_form", "")[:30]).first()
    if campaign is None or form is None:
        messages.error(request, "Chưa ban hành: hãy chọn phong trào và hình thức khen thưởng có người chờ quyết định.")
        return redirect(back)
    issued_on, error = _issued_on(request)
    if error:
        messages.error(request, f"Chưa ban hành: {error}")
        return redirect(back)
    try:
        decision = services.decision_issue(
            campaign=campaign,
            award_form=form,
            actor=request.user,
            issued_on=issued_on,
            signer_title=request.POST.get("signer_title", ""),
            signer_name=request.POST.get("signer_name", ""),
        )
    except services.DecisionError as exc:
        messages.error(request, f"Chưa ban hành: {exc}")
        return redirect(back)
    messages.success(
        request,
        f"Đã ban hành Quyết định số {decision.reference} ngày {decision.issued_on:%d/%m/%Y}: "
        f"{decision.awards.count()} khen thưởng, tổng tiền thưởng {services.money_text(decision.total_money)}.",
    )
    return redirect("awards:decision-detail", pk=decision.pk)


@login_required
@require_GET
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _reader(request)
    decision = get_object_or_404(
        Decision.objects.select_related("campaign", "award_form", "issuer", "issued_by__official"), pk=pk
    )
    awards = list(decision.awards.select_related("revoked_by").order_by("certificate_number", "pk"))
    certificates = documents_latest(kind=CERTIFICATE, record_ids=[award.pk for award in awards])
    for award in awards:
        award.certificate_document = certificates.get(award.pk)
    revoked = list(decision.revoked_awards.select_related("decision").order_by("decision_id", "certificate_number"))
    can_issue = rules.has_perm("awards.issue_decision", request.user)
    context = {
        "decision": decision,
        "awards": awards,
        "revoked": revoked,
        "in_force": [award for award in awards if not award.revoked_by_id],
        "money": services.money_text(decision.total_money),
        "revoked_money": services.money_text(sum(award.money or 0 for award in revoked)),
        "rules": selectors.rules_in_words(decision.rules),
        "can_revoke": can_issue and decision.kind == Decision.Kind.AWARD,
        "signer_title": decision.signer_title,
        "signer_name": decision.signer_name,
        "today": timezone.localdate(),
    }
    return render(request, "awards/decisions/detail.html", context)


@login_required
@require_POST
def decision_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """A new decision revoking the awards ticked among this decision's."""
    _issuer(request)
    decision = get_object_or_404(Decision, pk=pk)
    back = reverse("awards:decision-detail", kwargs={"pk": decision.pk}) + "#thu-hoi"
    ids = [int(v) for v in request.POST.getlist("award")[:1000] if v.isascii() and v.isdigit() and len(v) <= 18]
    awards = list(decision.awards.filter(pk__in=ids))
    issued_on, error = _issued_on(request)
    if error and awards:
        messages.error(request, f"Chưa thu hồi: {error}")
        return redirect(back)
    try:
        revocation = services.awards_revoke(
            awards=awards,
            actor=request.user,
            issued_on=issued_on or timezone.localdate(),
            reason=request.POST.get("reason", ""),
            signer_title=request.POST.get("signer_title", ""),
            signer_name=request.POST.get("signer_name", ""),
        )
    except services.DecisionError as exc:
        messages.error(request, f"Chưa thu hồi: {exc}")
        return redirect(back)
    messages.success(
        request,
        f"Đã ban hành Quyết định số {revocation.reference} thu hồi {len(awards)} khen thưởng của "
        f"Quyết định số {decision.reference}.",
    )
    return redirect("awards:decision-detail", pk=revocation.pk)
