"""The ward council's pages, for the secretariat (anyone else gets 404): the meetings and opening one, the
council's sheet (every nominee and their votes typed on one page, then the results), its members, closing it.
Each view reads the input, calls one service of awards.council.services and renders or redirects; a refusal
shows the page again with what was typed and each message beside its field, nothing saved."""

import re

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from awards.council import selectors, services
from awards.council.models import CouncilMeeting
from awards.dossiers.services import DossierInvalid
from core.dates import date_read
from core.versions import StaleVersion, seen_at_read, version_read
from emulation.plan.models import Campaign

_VOTE = re.compile(r"^(?:yes|no)-([0-9]{1,18})$")
_MEMBER = re.compile(r"^member-([0-9]{1,3})-name$")
MEMBER_ROWS_MAX = 150
"""Rows the members form shows at most (a ward council has 7 to 15 members; 5 fields a row stay under
Django's 1,000 fields a request)."""


def _secretariat(request: HttpRequest) -> None:
    # The rule set only (not user.has_perm): a superuser without the role is no secretariat either.
    if not rules.has_perm("awards.review_dossier", request.user):
        raise Http404


def _meeting(request: HttpRequest, pk: int) -> CouncilMeeting:
    _secretariat(request)
    return get_object_or_404(CouncilMeeting.objects.select_related("campaign"), pk=pk)


def _list_page(request: HttpRequest, typed=None, errors=None, status: int = 200) -> HttpResponse:
    campaigns = list(Campaign.objects.filter(is_active=True).order_by("-year", "code"))
    waiting = selectors.waiting_by_campaign()
    today = timezone.localdate()
    first = campaigns[0].code if campaigns else ""
    defaults = {"held_on": f"{today:%d/%m/%Y}", "secret_ballot": "on", "campaign": first}
    context = {
        "meetings": selectors.meetings_listed(),
        "campaigns": [(campaign, waiting.get(campaign.pk)) for campaign in campaigns],
        "typed": typed if typed is not None else defaults,
        "errors": errors or {},
        "today": today,
    }
    return render(request, "awards/council/list.html", context, status=status)


@login_required
@require_GET
def council_list(request: HttpRequest) -> HttpResponse:
    _secretariat(request)
    return _list_page(request)


@login_required
@require_POST
def council_open(request: HttpRequest) -> HttpResponse:
    _secretariat(request)
    post = request.POST
    errors: dict[str, str] = {}
    campaign = Campaign.objects.filter(is_active=True, code=post.get("campaign", "")[:30]).first()
    if campaign is None:
        errors["campaign"] = "Hãy chọn một phong trào đang triển khai."
    try:
        held_on = date_read(post.get("held_on"))
    except ValueError as exc:
        held_on, errors["held_on"] = None, str(exc)
    meeting = None
    if campaign is not None:
        try:
            meeting = services.meeting_open(
                campaign=campaign,
                actor=request.user,
                held_on=held_on,
                place=post.get("place", ""),
                chair_name=post.get("chair_name", ""),
                secretary_name=post.get("secretary_name", ""),
                members_total=post.get("members_total", ""),
                secret_ballot=bool(post.get("secret_ballot")),
            )
        except DossierInvalid as exc:
            errors = exc.errors | errors
        except services.CouncilError as exc:
            errors["form"] = str(exc)
    if meeting is None:
        return _list_page(request, typed=post, errors=errors, status=400)
    messages.success(request, f"Đã mở phiên họp Hội đồng ngày {meeting.held_on:%d/%m/%Y}. Nhập số phiếu bên dưới.")
    return redirect("awards:council-detail", pk=meeting.pk)


def _based_on(request: HttpRequest) -> dict:
    """The meeting's version the page showed, and when (core.versions)."""
    return {
        "based_on": version_read(request.POST.get("version")),
        "seen_at": seen_at_read(request.POST.get("seen_at")),
    }


def _sheet(
    request: HttpRequest, meeting: CouncilMeeting, typed=None, errors=None, status: int = 200, stale=None
) -> HttpResponse:
    """The council's sheet; after a refusal, `typed` is what was sent and `errors` the service's (or `stale`, the
    changes made since the page was shown)."""
    errors = errors or {}
    rows = selectors.sheet_rows(meeting, typed, errors)
    row_keys = {f"nominee-{row.nominee.pk}-{side}" for row in rows for side in ("yes", "no")}
    passed, voted = selectors.passed_count(rows)
    context = {
        "meeting": meeting,
        "open": meeting.status == CouncilMeeting.Status.OPEN,
        "rules": selectors.meeting_rules(meeting),
        "rows": rows,
        "passed": passed,
        "voted": voted,
        "unvoted": selectors.unvoted_names(rows),
        "members_count": meeting.members.count(),
        "present_typed": typed.get("members_present", "") if typed is not None else meeting.members_present,
        "errors": errors,
        "general_errors": [message for key, message in errors.items() if key not in row_keys | {"members_present"}],
        "stale_changes": stale.changes if stale else None,
        "seen_at": timezone.now().isoformat(),
    }
    return render(request, "awards/council/sheet.html", context, status=status)


@login_required
@require_GET
def council_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _sheet(request, _meeting(request, pk))


@login_required
@require_POST
def council_votes(request: HttpRequest, pk: int) -> HttpResponse:
    """Every nominee's yes and no from the sheet in one go; a nominee left blank on both is not recorded yet."""
    meeting = _meeting(request, pk)
    post = request.POST
    tallies = {}
    for nominee_pk in sorted({int(match[1]) for key in post if (match := _VOTE.match(key))}):
        yes, no = post.get(f"yes-{nominee_pk}", ""), post.get(f"no-{nominee_pk}", "")
        if yes.strip() or no.strip():
            tallies[nominee_pk] = (yes, no)
    try:
        saved = services.votes_record(
            meeting=meeting,
            actor=request.user,
            members_present=post.get("members_present", ""),
            tallies=tallies,
            **_based_on(request),
        )
    except StaleVersion as exc:
        messages.error(request, str(exc))
        return _sheet(request, _meeting(request, pk), typed=post, status=409, stale=exc)
    except DossierInvalid as exc:
        return _sheet(request, meeting, typed=post, errors=exc.errors, status=400)
    except services.CouncilError as exc:
        messages.error(request, str(exc))
        return redirect("awards:council-detail", pk=meeting.pk)
    passed = sum(1 for vote in saved if vote.passed)
    messages.success(
        request,
        f"Đã ghi số thành viên có mặt và số phiếu của {len(saved)} người ({passed} người đạt tỷ lệ được đề nghị).",
    )
    return redirect(reverse("awards:council-detail", kwargs={"pk": meeting.pk}) + "#ket-qua")


@login_required
@require_POST
def council_close(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting(request, pk)
    try:
        meeting = services.meeting_close(meeting=meeting, actor=request.user)
    except services.CouncilError as exc:
        messages.error(request, f"Chưa kết thúc được phiên họp: {exc}")
    else:
        passed = meeting.votes.filter(passed=True).count()
        messages.success(
            request,
            f"Đã kết thúc phiên họp: {passed} người được Hội đồng đề nghị khen thưởng; "
            "các hồ sơ chuyển sang “Hội đồng đã xét”.",
        )
    return redirect("awards:council-detail", pk=meeting.pk)


def _member_rows(meeting: CouncilMeeting) -> list[dict]:
    rows = [
        {
            "name": m.name,
            "role": m.role,
            "present": m.present,
            "absent_reason": m.absent_reason,
            "voted_in_writing": m.voted_in_writing,
        }
        for m in meeting.members.all()
    ]
    if meeting.status != CouncilMeeting.Status.OPEN:
        return rows
    shown = max(min(meeting.members_total, MEMBER_ROWS_MAX), len(rows) + 3)
    return rows + [{"present": True} for _ in range(shown - len(rows))]


def _posted_members(post) -> list[tuple[int, dict]]:
    """(row number on the form, the row as typed), every row the form sent, in its order."""
    indexes = sorted({int(match[1]) for key in post if (match := _MEMBER.match(key))})
    return [
        (
            i,
            {
                "name": post.get(f"member-{i}-name", ""),
                "role": post.get(f"member-{i}-role", ""),
                "present": bool(post.get(f"member-{i}-present")),
                "absent_reason": post.get(f"member-{i}-reason", ""),
                "voted_in_writing": bool(post.get(f"member-{i}-written")),
            },
        )
        for i in indexes
    ]


@login_required
@require_http_methods(["GET", "POST"])
def council_members(request: HttpRequest, pk: int) -> HttpResponse:
    """Who sits on the council at this meeting; rows left without a name are not members."""
    meeting = _meeting(request, pk)
    rows, errors, status, stale = _member_rows(meeting), {}, 200, None
    if request.method == "POST":
        posted = _posted_members(request.POST)
        named = [(i, row) for i, row in posted if str(row["name"]).strip()]
        try:
            services.members_save(
                meeting=meeting, actor=request.user, members=[row for _, row in named], **_based_on(request)
            )
        except StaleVersion as exc:
            messages.error(request, str(exc))
            meeting, stale, status = _meeting(request, pk), exc, 409
            rows = [row for _, row in posted] or _member_rows(meeting)
        except DossierInvalid as exc:
            # The service counts the named rows only: its "member-<n>-…" is named[n], shown again at its place
            # among the rows sent.
            place = {i: n for n, (i, _) in enumerate(posted)}
            for key, message in exc.errors.items():
                parts = key.split("-")
                if len(parts) == 3 and parts[0] == "member" and parts[1].isdigit() and int(parts[1]) < len(named):
                    key = f"member-{place[named[int(parts[1])][0]]}-{parts[2]}"
                errors[key] = message
            rows, status = [row for _, row in posted] or rows, 400
        except services.CouncilError as exc:
            messages.error(request, str(exc))
            return redirect("awards:council-detail", pk=meeting.pk)
        else:
            meeting.refresh_from_db()
            messages.success(
                request,
                f"Đã lưu danh sách {len(named)} thành viên ({meeting.members_present} có mặt).",
            )
            return redirect("awards:council-detail", pk=meeting.pk)
    fields = ("name", "role", "reason")
    shown = [
        row | {"index": i, "errors": [errors[key] for f in fields if (key := f"member-{i}-{f}") in errors]}
        for i, row in enumerate(rows)
    ]
    context = {
        "meeting": meeting,
        "open": meeting.status == CouncilMeeting.Status.OPEN,
        "rows": shown,
        "errors": errors,
        "general_errors": [message for key, message in errors.items() if not key.startswith("member-")],
        "stale_changes": stale.changes if stale else None,
        "seen_at": timezone.now().isoformat(),
    }
    return render(request, "awards/council/members.html", context, status=status)
