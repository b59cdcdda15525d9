"""Initiative pages that write: register one for one's own unit, edit it, and the secretariat's recognition form.

Each page reads the form, asks the permission on the object (another unit's initiative is a 404), calls one service
and redirects, or shows the form again with each field's error and everything typed kept (files must be chosen
again: a browser never sends them twice). The edit and recognition forms carry the version they showed and when: if
someone changed the initiative meanwhile, nothing is saved and the page lists the changes (409).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from core.versions import StaleVersion, seen_at_read, version_read
from emulation.initiatives import selectors, services
from emulation.initiatives.models import Initiative, InitiativeLevel
from emulation.initiatives.views.pages import own_unit, visible_campaign, visible_initiative
from emulation.reports.evidence_types import ACCEPT_ATTR

TEXT_FIELDS = ("title", "problem", "solution", "scope", "benefits")


def _typed(post) -> dict:
    return {name: post.get(name, "") for name in TEXT_FIELDS}


def _form_context(unit, *, values: dict, authors: set[int], errors: dict, initiative=None) -> dict:
    return {
        "unit": unit,
        "values": values,
        "officials": selectors.author_choices(unit, initiative),
        "chosen": authors,
        "errors": errors,
        "accept_types": ACCEPT_ATTR,
        "files_max": services.FILES_MAX,
    }


def _chosen(raw: list[str]) -> set[int]:
    """The author boxes ticked, for showing the form again (the service checks them)."""
    return {int(v) for v in raw[:200] if v.isascii() and v.isdigit() and len(v) <= 18}


@login_required
@require_http_methods(["GET", "POST"])
def initiative_register(request: HttpRequest, code: str) -> HttpResponse:
    campaign = visible_campaign(request, code)
    unit = own_unit(request, campaign)
    if unit is None:
        raise Http404
    values, authors, errors = {}, set(services.default_authors(request.user, unit)), {}
    if request.method == "POST":
        values, authors = _typed(request.POST), _chosen(request.POST.getlist("authors"))
        try:
            initiative = services.initiative_register(
                campaign=campaign,
                unit=unit,
                actor=request.user,
                authors=request.POST.getlist("authors"),
                uploads=request.FILES.getlist("files"),
                **values,
            )
        except services.InitiativeInvalid as exc:
            errors = exc.errors
            messages.error(request, f"Có {len(errors)} mục chưa đúng; chưa lưu gì. Xem các ô tô đỏ bên dưới.")
        except services.InitiativeError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"Đã đăng ký sáng kiến “{initiative.title}”.")
            return redirect("emulation:initiative-detail", pk=initiative.pk)
    context = {"campaign": campaign, "initiative": None} | _form_context(
        unit, values=values, authors=authors, errors=errors
    )
    return render(request, "emulation/initiatives/form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = visible_initiative(request, pk)
    if not request.user.has_perm("emulation.edit_initiative", initiative):
        if initiative.recognised_on is not None:
            messages.warning(request, "Sáng kiến đã được công nhận: không sửa được nữa.")
        else:
            messages.warning(request, "Chỉ người đăng ký hoặc thủ trưởng đơn vị được sửa sáng kiến.")
        return redirect("emulation:initiative-detail", pk=initiative.pk)
    values = {name: getattr(initiative, name) for name in TEXT_FIELDS}
    authors = {official.pk for official in initiative.authors.all()}
    errors, stale, status, removing = {}, None, 200, set()
    if request.method == "POST":
        values, authors = _typed(request.POST), _chosen(request.POST.getlist("authors"))
        removing = _chosen(request.POST.getlist("remove_files"))
        try:
            services.initiative_update(
                initiative=initiative,
                actor=request.user,
                authors=request.POST.getlist("authors"),
                uploads=request.FILES.getlist("files"),
                remove_files=request.POST.getlist("remove_files"),
                based_on=version_read(request.POST.get("version")),
                seen_at=seen_at_read(request.POST.get("seen_at")),
                **values,
            )
        except StaleVersion as exc:
            stale, status = exc, 409
            messages.error(request, str(exc))
        except services.InitiativeInvalid as exc:
            errors = exc.errors
            messages.error(request, f"Có {len(errors)} mục chưa đúng; chưa lưu gì. Xem các ô tô đỏ bên dưới.")
        except services.InitiativeError as exc:
            messages.error(request, str(exc))
            return redirect("emulation:initiative-detail", pk=initiative.pk)
        else:
            messages.success(request, "Đã lưu sáng kiến.")
            return redirect("emulation:initiative-detail", pk=initiative.pk)
        initiative = visible_initiative(request, pk)
    context = {
        "campaign": initiative.campaign,
        "initiative": initiative,
        "removing": removing,
        # After a refusal for staleness, the next save is knowingly based on what is there now.
        "version": initiative.version,
        "seen_at": timezone.now().isoformat(),
        "stale_changes": stale.changes if stale else None,
    } | _form_context(initiative.unit, values=values, authors=authors, errors=errors, initiative=initiative)
    return render(request, "emulation/initiatives/form.html", context, status=status)


def _recognition_values(initiative: Initiative) -> dict:
    return {
        "recognised_on": f"{initiative.recognised_on:%d/%m/%Y}" if initiative.recognised_on else "",
        "level": initiative.level,
        "decision_reference": initiative.decision_reference,
        "applied": initiative.applied,
        "reason": "",
    }


@login_required
@require_http_methods(["GET", "POST"])
def initiative_recognise(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = visible_initiative(request, pk)
    if not request.user.has_perm("emulation.recognise_initiative", initiative):
        raise Http404
    values, errors, stale, status = _recognition_values(initiative), {}, None, 200
    if request.method == "POST":
        post = request.POST
        withdraw = post.get("action") == "withdraw"
        if withdraw:  # the recognition form shows what is recorded; the reason what was typed
            values |= {"reason": post.get("reason", "")}
        else:
            values = {
                "recognised_on": post.get("recognised_on", "")[:50],
                "level": post.get("level", "")[:20],
                "decision_reference": post.get("decision_reference", ""),
                "applied": post.get("applied") == "1",
                "reason": "",
            }
        version = {"based_on": version_read(post.get("version")), "seen_at": seen_at_read(post.get("seen_at"))}
        try:
            if withdraw:
                services.initiative_recognition_withdraw(
                    initiative=initiative, actor=request.user, reason=values["reason"], **version
                )
            else:
                services.initiative_recognise(
                    initiative=initiative,
                    actor=request.user,
                    recognised_on=post.get("recognised_on", ""),
                    level=values["level"],
                    decision_reference=values["decision_reference"],
                    applied=values["applied"],
                    **version,
                )
        except StaleVersion as exc:
            stale, status = exc, 409
            messages.error(request, str(exc))
        except services.InitiativeInvalid as exc:
            errors = exc.errors
            messages.error(request, f"Có {len(errors)} mục chưa đúng; chưa lưu gì. Xem các ô tô đỏ bên dưới.")
        except services.InitiativeError as exc:
            messages.error(request, str(exc))
        else:
            done = "Đã bỏ ghi nhận công nhận sáng kiến." if withdraw else "Đã lưu thông tin công nhận sáng kiến."
            messages.success(request, done)
            return redirect("emulation:initiative-detail", pk=initiative.pk)
        initiative = visible_initiative(request, pk)
    context = {
        "initiative": initiative,
        "values": values,
        "errors": errors,
        "levels": InitiativeLevel.choices,
        "today": timezone.localdate(),
        "version": initiative.version,
        "seen_at": timezone.now().isoformat(),
        "stale_changes": stale.changes if stale else None,
    }
    return render(request, "emulation/initiatives/recognise.html", context, status=status)
