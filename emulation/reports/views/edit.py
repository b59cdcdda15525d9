"""The month's figures form: one page for every indicator and the one-stop counts, saved all or nothing.

What a person typed is shown back exactly as typed (text is never reformatted); stored numbers are
shown as a clerk types them ("8,5"). The page carries the report's version and when it was shown: if
someone changed the report meanwhile, nothing is saved, the changes are listed and the typed values stay.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from core.numbers import vn_number
from core.versions import StaleVersion, seen_at_read, version_read
from criteria.models import Indicator
from emulation.reports import figures as fig
from emulation.reports import services
from emulation.reports.models import MonthlyReport
from emulation.reports.views.pages import entry_rows, visible_report

TEXT_FIELDS = {"explanation"}


def _raw_from_post(report: MonthlyReport, post) -> tuple[dict[str, dict], dict | None]:
    entries = {}
    for entry in report.entries.all():
        code = entry.indicator.code
        fields = fig.input_fields(entry.indicator)
        if fields:
            entries[code] = {name: post.get(f"e-{code}-{name}", "") for name in fields}
    one_stop = None
    if any(fig.uses_one_stop(e.indicator) for e in report.entries.all()):
        one_stop = {name: post.get(f"os-{name}", "") for name in fig.ONE_STOP_LABELS}
    return entries, one_stop


def shown(name: str, value) -> str:
    """A stored value in its input: text exactly as stored; a number as a clerk types it ("8,5", "120")."""
    if value is None:
        return ""
    return str(value) if name in TEXT_FIELDS else vn_number(value)


def _field_label(indicator: Indicator, name: str) -> str:
    return {
        "numerator": indicator.numerator_label or "Tử số",
        "denominator": indicator.denominator_label or "Mẫu số",
        "value": indicator.numerator_label or "Giá trị",
        "self_score": f"Điểm tự chấm (0–{vn_number(indicator.points)})",
        "explanation": "Giải trình",
    }[name]


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = visible_report(request, pk)
    if not request.user.has_perm("emulation.edit_report", report):
        if request.user.has_perm("emulation.view_report", report):
            messages.warning(request, f"Báo cáo đang ở trạng thái “{report.get_status_display()}”: không sửa được.")
            return redirect("emulation:report-detail", pk=report.pk)
        raise Http404
    errors: dict = {}
    values: dict = {}
    stale: StaleVersion | None = None
    status = 200
    if request.method == "POST":
        entries, one_stop = _raw_from_post(report, request.POST)
        try:
            services.report_save_figures(
                report=report,
                actor=request.user,
                entries=entries,
                one_stop=one_stop,
                based_on=version_read(request.POST.get("version")),
                seen_at=seen_at_read(request.POST.get("seen_at")),
            )
        except StaleVersion as exc:
            stale, values, status = exc, dict(request.POST.items()), 409
            messages.error(request, str(exc))
        except services.FiguresInvalid as exc:
            errors = {f"{where}-{name}": message for (where, name), message in exc.problems.errors.items()}
            values = dict(request.POST.items())
            messages.error(request, f"Có {len(errors)} ô chưa đúng; chưa lưu gì. Xem các ô tô đỏ bên dưới.")
        except services.ReportError as exc:
            messages.error(request, str(exc))
            return redirect("emulation:report-detail", pk=report.pk)
        else:
            messages.success(request, "Đã lưu số liệu.")
            detail = reverse("emulation:report-detail", kwargs={"pk": report.pk})
            return redirect(f"{detail}#gui" if request.POST.get("next") == "submit" else detail)
        report = visible_report(request, pk)
    rows = entry_rows(report)
    for row in rows:
        code = row["indicator"].code
        row["inputs"] = [
            {
                "name": f"e-{code}-{name}",
                "field": name,
                "label": _field_label(row["indicator"], name),
                "value": values.get(f"e-{code}-{name}", shown(name, getattr(row["entry"], name))),
                "error": errors.get(f"{code}-{name}"),
            }
            for name in row["fields"]
        ]
        row["error"] = errors.get(f"{code}-code")
    one_stop_inputs = [
        {
            "name": f"os-{name}",
            "field": name,
            "label": label,
            "value": values.get(f"os-{name}", shown(name, getattr(report, name))),
            "error": errors.get(f"one_stop-{name}"),
        }
        for name, label in fig.ONE_STOP_LABELS.items()
    ]
    context = {
        "report": report,
        "rows": rows,
        "one_stop_inputs": one_stop_inputs,
        "needs_one_stop": any(r["one_stop"] for r in rows),
        "error_count": len(errors),
        # After a refusal for staleness, the next save is knowingly based on what is there now.
        "version": report.version,
        "seen_at": timezone.now().isoformat(),
        "stale_changes": stale.changes if stale else None,
    }
    return render(request, "emulation/report_edit.html", context, status=status)
