"""The unit council's minutes (biên bản họp Hội đồng đơn vị): who met, where, and each nominee's votes, with
who passes by the campaign's rule shown beside them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from awards.catalogue.selectors import rules_read, rules_snapshot
from awards.catalogue.tally import passes
from awards.dossiers import services
from awards.dossiers.views.pages import visible_dossier
from core.dates import date_read
from core.numbers import percent
from core.versions import StaleVersion, seen_at_read, version_read


def _rows(dossier, minutes, typed, errors) -> list[dict]:
    share = rules_read(dossier.rules or rules_snapshot(timezone.localdate()))["unit_council.pass"]
    rows = []
    for nominee in dossier.nominees.all():
        yes, no = nominee.unit_yes, nominee.unit_no
        row = {
            "nominee": nominee,
            "yes": typed.get(f"yes-{nominee.pk}", "" if yes is None else yes),
            "no": typed.get(f"no-{nominee.pk}", "" if no is None else no),
            "error": errors.get(f"nominee-{nominee.pk}-yes") or errors.get(f"nominee-{nominee.pk}-no"),
        }
        if minutes is not None and yes is not None:
            row["passed"] = passes(yes=yes, total=minutes.members_total, share=share)
            row["ratio"] = percent(yes, minutes.members_total)
        rows.append(row)
    return rows


def _context(dossier, typed=None, errors=None) -> dict:
    minutes = getattr(dossier, "minutes", None)
    typed, errors = typed or {}, errors or {}

    def value(name, default=""):
        if name in typed:
            return typed[name]
        return getattr(minutes, name, default) if minutes is not None else default

    held_on = value("held_on", None)
    return {
        "dossier": dossier,
        "minutes": minutes,
        # After a refusal for staleness, the next save is knowingly based on what is there now.
        "version": minutes.version if minutes is not None else 0,
        "seen_at": timezone.now().isoformat(),
        "rows": _rows(dossier, minutes, typed, errors),
        "errors": errors,
        "form": {
            "held_on": f"{held_on:%d/%m/%Y}" if hasattr(held_on, "isoformat") else (held_on or ""),
            "place": value("place"),
            "members_total": value("members_total"),
            "members_present": value("members_present"),
            "absent_note": value("absent_note"),
            "chair_name": value("chair_name"),
            "secretary_name": value("secretary_name"),
            "secret_ballot": ("secret_ballot" in typed) if typed else (minutes.secret_ballot if minutes else True),
        },
    }


@login_required
def minutes_edit(request: HttpRequest, pk: int) -> HttpResponse:
    dossier = visible_dossier(request, pk)
    can_edit = request.user.has_perm("awards.edit_dossier", dossier)
    if request.method != "POST" or not can_edit:
        if request.method == "POST":
            messages.error(request, f"Hồ sơ đang ở trạng thái “{dossier.get_status_display()}”: không sửa được.")
        return render(request, "awards/dossiers/minutes.html", _context(dossier) | {"can_edit": can_edit})
    post = request.POST
    errors = {}
    try:
        held_on = date_read(post.get("held_on", "")[:30])
    except ValueError as exc:
        held_on, errors["held_on"] = None, f"Ngày họp: {exc}"
    data = services.MinutesInput(
        held_on=held_on,
        place=post.get("place", ""),
        members_total=post.get("members_total", ""),
        members_present=post.get("members_present", ""),
        absent_note=post.get("absent_note", ""),
        secret_ballot="secret_ballot" in post,
        chair_name=post.get("chair_name", ""),
        secretary_name=post.get("secretary_name", ""),
        votes={n.pk: (post.get(f"yes-{n.pk}", ""), post.get(f"no-{n.pk}", "")) for n in dossier.nominees.all()},
    )
    try:
        services.minutes_save(
            dossier=dossier,
            actor=request.user,
            data=data,
            based_on=version_read(post.get("version")),
            seen_at=seen_at_read(post.get("seen_at")),
        )
    except StaleVersion as exc:
        messages.error(request, str(exc))
        dossier = visible_dossier(request, pk)
        context = _context(dossier, typed=post, errors=errors) | {"can_edit": True, "stale_changes": exc.changes}
        return render(request, "awards/dossiers/minutes.html", context, status=409)
    except services.DossierInvalid as exc:
        messages.error(request, "Chưa lưu biên bản: hãy sửa các ô được đánh dấu.")
        context = _context(dossier, typed=post, errors=exc.errors | errors) | {"can_edit": True}
        return render(request, "awards/dossiers/minutes.html", context, status=400)
    except services.DossierError as exc:
        messages.error(request, str(exc))
        return redirect("awards:dossier-detail", pk=dossier.pk)
    messages.success(request, "Đã lưu biên bản họp Hội đồng đơn vị.")
    return redirect("awards:dossier-detail", pk=dossier.pk)
