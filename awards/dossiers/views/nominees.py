"""A dossier's nominees: add the unit or one of its officials (chosen from the records, never typed), remove
one, attest their discipline, write and confirm their achievement report (Mẫu 02 / Mẫu 03)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from awards.dossiers import services
from awards.dossiers.models import AchievementReport, Nominee
from awards.dossiers.papers.reports import report_kind
from awards.dossiers.prefill import report_prefill
from awards.dossiers.views.pages import detail_context, visible_dossier
from core.dates import date_read
from core.versions import StaleVersion, seen_at_read, version_read
from units.models import Official
from units.privacy import Action, personal_data_seen


def _back(request: HttpRequest, nominee: Nominee) -> HttpResponse:
    """To the dossier, or to the report for a nominee who does not see the dossier."""
    if request.user.has_perm("awards.view_dossier", nominee.dossier):
        return redirect("awards:dossier-detail", pk=nominee.dossier_id)
    return redirect("awards:report-edit", pk=nominee.pk)


def visible_nominee(request: HttpRequest, pk: int) -> Nominee:
    nominee = (
        Nominee.objects.select_related("dossier__campaign", "dossier__unit", "dossier__award_form", "official", "unit")
        .filter(pk=pk)
        .first()
    )
    if nominee is None or not request.user.has_perm("awards.view_nominee", nominee):
        raise Http404
    return nominee


@login_required
@require_POST
def nominee_add(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = visible_dossier(request, pk)
    chosen = request.POST.get("official", "")
    official = None
    if chosen != "collective":
        valid = chosen.isascii() and chosen.isdigit() and len(chosen) <= 18
        official = Official.objects.filter(pk=int(chosen) if valid else 0).first()
        if official is None:
            messages.error(request, "Hãy chọn đơn vị hoặc một cán bộ của đơn vị trong danh sách.")
            return redirect("awards:dossier-detail", pk=dossier.pk)
    try:
        nominee = services.nominee_add(dossier=dossier, actor=request.user, official=official)
    except services.DossierError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã thêm {nominee.name} vào hồ sơ.")
    return redirect("awards:dossier-detail", pk=dossier.pk)


@login_required
@require_POST
def nominee_remove(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = visible_nominee(request, pk)
    try:
        services.nominee_remove(nominee=nominee, actor=request.user)
    except services.DossierError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã bỏ {nominee.name} khỏi hồ sơ.")
    return redirect("awards:dossier-detail", pk=nominee.dossier_id)


@login_required
@require_POST
def nominee_discipline(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = visible_nominee(request, pk)
    try:
        until = date_read(request.POST.get("discipline_until", "")[:30])
    except ValueError as exc:
        messages.error(request, f"Chưa lưu — ngày hết kỷ luật: {exc}")
        return redirect("awards:dossier-detail", pk=nominee.dossier_id)
    try:
        services.discipline_attest(
            nominee=nominee,
            actor=request.user,
            discipline=request.POST.get("discipline", ""),
            until=until,
            note=request.POST.get("discipline_note", ""),
            based_on=version_read(request.POST.get("version")),
            seen_at=seen_at_read(request.POST.get("seen_at")),
        )
    except StaleVersion as exc:
        # The dossier's page again, with what changed and this nominee's attestation as typed (its form open).
        messages.error(request, str(exc))
        context = detail_context(request, visible_dossier(request, nominee.dossier_id))
        typed = {
            name: request.POST.get(name, "")[:2000] for name in ("discipline", "discipline_until", "discipline_note")
        }
        context |= {"stale_changes": exc.changes, "typed_discipline": typed | {"nominee": nominee.pk}}
        return render(request, "awards/dossiers/detail.html", context, status=409)
    except services.DossierInvalid as exc:
        messages.error(request, "Chưa lưu: " + " ".join(exc.errors.values()))
    except services.DossierError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã ghi xác nhận kỷ luật, kỷ cương hành chính của {nominee.name}.")
    return _back(request, nominee)


def _report_context(request: HttpRequest, nominee: Nominee, report: AchievementReport, typed=None) -> dict:
    individual = nominee.kind == Nominee.Kind.INDIVIDUAL
    names = [*services.REPORT_TEXTS, *(services.REPORT_CV if individual else {})]
    labels = {f.name: f.verbose_name for f in AchievementReport._meta.fields}
    typed = typed or {}
    fields = [
        {
            "name": name,
            "label": labels[name],
            "value": typed.get(name, getattr(report, name)),
            "long": name in services.REPORT_TEXTS,
            "bound": services.REPORT_TEXTS.get(name) or services.REPORT_CV[name],
        }
        for name in names
    ]
    return {
        "nominee": nominee,
        "dossier": nominee.dossier,
        "report": report,
        "fields": fields,
        "data": report.prefilled if report.is_confirmed else report_prefill(nominee),
        "can_write": request.user.has_perm("awards.write_report", nominee),
        "can_confirm": request.user.has_perm("awards.confirm_report", nominee),
        "seen_at": timezone.now().isoformat(),
        "individual": individual,
        "report_kind": report_kind(nominee),
    }


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = visible_nominee(request, pk)
    report = AchievementReport.objects.select_related("confirmed_by__official").get(nominee=nominee)
    if request.method != "POST":
        if nominee.kind == Nominee.Kind.INDIVIDUAL:  # Mẫu 03's short CV: personal data (DOMAIN.md §7)
            dossier = nominee.dossier
            page = f"Báo cáo thành tích Mẫu 03, đề nghị {dossier.award_form.name} năm {dossier.campaign.year}"
            personal_data_seen(
                viewer=request.user, officials=[nominee.official], action=Action.VIEW, page=page, path=request.path
            )
        return render(request, "awards/dossiers/report.html", _report_context(request, nominee, report))
    if not request.user.has_perm("awards.write_report", nominee):
        messages.error(request, "Báo cáo thành tích không còn sửa được (hồ sơ đã gửi hoặc bạn không có quyền).")
        return redirect("awards:report-edit", pk=nominee.pk)
    names = (*services.REPORT_TEXTS, *services.REPORT_CV)
    fields = {name: request.POST[name] for name in names if name in request.POST}
    try:
        services.report_write(
            nominee=nominee,
            actor=request.user,
            fields=fields,
            based_on=version_read(request.POST.get("version")),
            seen_at=seen_at_read(request.POST.get("seen_at")),
        )
    except StaleVersion as exc:
        messages.error(request, str(exc))
        report.refresh_from_db()
        context = _report_context(request, nominee, report, typed=request.POST) | {"stale_changes": exc.changes}
        return render(request, "awards/dossiers/report.html", context, status=409)
    except services.DossierInvalid as exc:
        context = _report_context(request, nominee, report, typed=request.POST) | {"errors": exc.errors}
        messages.error(request, "Chưa lưu: " + " ".join(exc.errors.values()))
        return render(request, "awards/dossiers/report.html", context, status=400)
    except services.DossierError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã lưu báo cáo thành tích của {nominee.name}.")
    return redirect("awards:report-edit", pk=nominee.pk)


@login_required
@require_POST
def report_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    nominee = visible_nominee(request, pk)
    try:
        services.report_confirm(nominee=nominee, actor=request.user)
    except services.DossierError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã xác nhận báo cáo thành tích của {nominee.name}; số liệu được lưu như hôm nay.")
    return _back(request, nominee)
