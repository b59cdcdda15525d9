"""The chairman's page (the chairman only; anyone else gets 404): every dossier proposed, each nominee's
eligibility and council result, approve or reject each one the council passed (one submit per dossier), or
approve at once everyone the council passed; then what awaits a decision, and the form that issues it."""

import re

import rules
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from awards.decisions import selectors
from awards.dossiers.models import Dossier
from awards.dossiers.services import DossierInvalid, dossier_transition
from core.versions import StaleVersion, seen_at_read, version_read
from core.workflow import TransitionDone, TransitionRefused

_SHOWN = re.compile(r"^([0-9]{1,18}):([0-9]{1,9})$")
SHOWN_MAX = 500


def _chairman(request: HttpRequest) -> None:
    # The rule set only (not user.has_perm): a superuser without the role is not the chairman.
    if not rules.has_perm("awards.approve_dossier", request.user):
        raise Http404


def _page(request: HttpRequest, *, typed=None, errors=None, stale=None, status: int = 200) -> HttpResponse:
    """The page; after a refusal on one dossier, `typed` (its id → what was sent), `errors` and `stale`
    (its id and what changed since the page was shown) bring it back as it was typed."""
    blocks = selectors.proposed_blocks(typed, errors)
    awaiting = selectors.awaiting_decisions()
    signer_title, signer_name = selectors.signer_default(request.user, awaiting)
    context = {
        "blocks": blocks,
        "proposed_total": sum(block.proposed_count for block in blocks),
        "advice": selectors.quota_advice(blocks),
        "awaiting": awaiting,
        "can_issue": rules.has_perm("awards.issue_decision", request.user),
        "signer_title": signer_title,
        "signer_name": signer_name,
        "today": timezone.localdate(),
        "seen_at": timezone.now().isoformat(),
        "errors": errors or {},
        "stale": stale,
        "back": "cho-duyet",
    }
    return render(request, "awards/decisions/chairman.html", context, status=status)


@login_required
@require_GET
def chairman_page(request: HttpRequest) -> HttpResponse:
    _chairman(request)
    return _page(request)


@login_required
@require_POST
def chairman_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The chairman's word on each nominee of one dossier: approve, or reject with its reason."""
    _chairman(request)
    dossier = get_object_or_404(Dossier.objects.select_related("unit", "award_form"), pk=pk)
    post = request.POST
    approvals = {}
    for nominee in dossier.nominees.all():
        choice = post.get(f"decision-{nominee.pk}", "")
        if choice in ("approve", "reject"):
            approvals[nominee.pk] = (choice == "approve", post.get(f"reason-{nominee.pk}", ""))
    try:
        dossier_transition(
            dossier=dossier,
            action="review",
            actor=request.user,
            approvals=approvals,
            based_on=version_read(post.get("version")),
            seen_at=seen_at_read(post.get("seen_at")),
        )
    except TransitionDone as exc:
        messages.info(request, f"{dossier}: {exc}")
    except StaleVersion as exc:
        messages.error(request, str(exc))
        return _page(request, typed={dossier.pk: post}, stale={"pk": dossier.pk, "changes": exc.changes}, status=409)
    except DossierInvalid as exc:
        messages.error(request, f"Chưa duyệt hồ sơ {dossier}: xem các dòng ghi lỗi.")
        return _page(request, typed={dossier.pk: post}, errors=exc.errors, status=400)
    except TransitionRefused as exc:
        messages.error(request, f"{dossier}: {exc}")
    else:
        yes = sum(1 for approved, _ in approvals.values() if approved)
        messages.success(
            request, f"Đã duyệt hồ sơ {dossier}: đồng ý {yes}, không đồng ý {len(approvals) - yes} tập thể, cá nhân."
        )
    return redirect(reverse("awards:chairman") + f"#ho-so-{dossier.pk}")


@login_required
@require_POST
def chairman_approve_all(request: HttpRequest) -> HttpResponse:
    """Approve everyone the council passed, in each dossier the page showed (each in its own step): a dossier
    proposed after the page was shown, or changed since, is left for the chairman to read first."""
    _chairman(request)
    shown = {}
    for value in request.POST.getlist("dossier")[:SHOWN_MAX]:
        match = _SHOWN.match(value)
        if match:
            shown[int(match[1])] = int(match[2])
    dossiers = Dossier.objects.filter(pk__in=list(shown)).select_related("unit", "award_form")
    dossiers = list(dossiers.prefetch_related("nominees").order_by("award_form__order", "unit__order", "pk"))
    if not dossiers:
        messages.info(request, "Không có hồ sơ nào chờ duyệt.")
        return redirect("awards:chairman")
    done, approved, already = 0, 0, 0
    for dossier in dossiers:
        approvals = {n.pk: (True, "") for n in dossier.nominees.all() if n.council_passed}
        try:
            dossier_transition(
                dossier=dossier, action="review", actor=request.user, approvals=approvals, based_on=shown[dossier.pk]
            )
        except TransitionDone:
            already += 1
        except StaleVersion:
            messages.warning(request, f"{dossier}: hồ sơ đã thay đổi sau khi bạn mở trang; chưa duyệt, hãy xem lại.")
        except (DossierInvalid, TransitionRefused) as exc:
            messages.error(request, f"{dossier}: {exc}")
        else:
            done, approved = done + 1, approved + len(approvals)
    if done:
        messages.success(
            request, f"Đã đồng ý khen thưởng {approved} tập thể, cá nhân Hội đồng đã thông qua, trong {done} hồ sơ."
        )
    if already:
        messages.info(request, f"Đã duyệt rồi: {already} hồ sơ đã được duyệt trước đó, không duyệt lại.")
    return redirect("awards:chairman")
