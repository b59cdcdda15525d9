"""Initiative pages that read: the campaign's list (filtered by unit and recognition), one initiative with its files,
authors, recognition and history, and an attachment's download (never served from the media folder directly)."""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from emulation.initiatives import selectors
from emulation.initiatives.models import Initiative, InitiativeFile
from emulation.plan.models import Campaign
from emulation.plan.selectors import current_campaign
from units.selectors import official_of

RECOGNISED = {"": None, "co": True, "chua": False}
"""The list's `?cong-nhan=` filter: everything, recognised, not yet recognised."""


def visible_campaign(request: HttpRequest, code: str) -> Campaign:
    campaign = Campaign.objects.filter(code=code).first()
    if campaign is None or not request.user.has_perm("emulation.view_campaign_page", campaign):
        raise Http404
    return campaign


def visible_initiative(request: HttpRequest, pk: int) -> Initiative:
    try:
        return selectors.initiative_page(pk, request.user)
    except Initiative.DoesNotExist:
        raise Http404 from None


def own_unit(request: HttpRequest, campaign: Campaign):
    """The unit the person registers initiatives for (their official record's), when it takes part and they may."""
    official = official_of(request.user)
    if official is None or not campaign.is_active:
        return None
    unit = official.unit
    if not request.user.has_perm("emulation.register_initiative", unit):
        return None
    return unit if campaign.participants.filter(pk=unit.pk).exists() else None


@login_required
@require_GET
def initiative_list(request: HttpRequest, code: str) -> HttpResponse:
    campaign = visible_campaign(request, code)
    units = selectors.initiative_filter_units(campaign, request.user)
    unit_code = request.GET.get("don-vi", "")
    unit = next((u for u in units if u.code == unit_code), None)
    recognised_raw = request.GET.get("cong-nhan", "")
    if (unit_code and unit is None) or recognised_raw not in RECOGNISED:
        raise Http404  # the filters offer only these: another unit's code is not the person's to list
    initiatives = selectors.initiative_list(campaign, request.user, unit=unit, recognised=RECOGNISED[recognised_raw])
    page = Paginator(initiatives, selectors.PAGE_SIZE).get_page(request.GET.get("trang", "")[:12])
    query = urlencode({k: v for k, v in (("don-vi", unit_code), ("cong-nhan", recognised_raw)) if v})
    context = {
        "campaign": campaign,
        "page": page,
        "units": units,
        "unit": unit,
        "recognised": recognised_raw,
        "query": query,
        "filtered": bool(unit or recognised_raw),
        "register_unit": own_unit(request, campaign),
        "can_follow": request.user.has_perm("emulation.follow_initiatives"),
    }
    return render(request, "emulation/initiatives/list.html", context)


@login_required
@require_GET
def initiative_current(request: HttpRequest) -> HttpResponse:
    """The menu's "Sáng kiến": the list of the campaign running today."""
    campaign = current_campaign(timezone.localdate())
    if campaign is None or not request.user.has_perm("emulation.view_campaign_page", campaign):
        raise Http404
    return redirect("emulation:initiative-list", code=campaign.code)


@login_required
@require_GET
def initiative_detail(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = visible_initiative(request, pk)
    user = request.user
    context = {
        "initiative": initiative,
        "history": selectors.initiative_history(initiative),
        "can_edit": user.has_perm("emulation.edit_initiative", initiative),
        "can_recognise": user.has_perm("emulation.recognise_initiative", initiative),
        "seen_at": timezone.now().isoformat(),
    }
    return render(request, "emulation/initiatives/detail.html", context)


@login_required
@require_GET
def initiative_file(request: HttpRequest, pk: int) -> FileResponse:
    try:
        attachment = selectors.initiative_file(pk, request.user)
    except InitiativeFile.DoesNotExist:
        raise Http404 from None
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
