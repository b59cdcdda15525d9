"""The award dossier's state machine, a second table on the one engine (core.workflow).

From the unit to the decision: the unit head sends (refused while a nominee lacks a confirmed report or the
minutes are missing), the secretariat returns it with reasons (per nominee too) or accepts it for the ward
council, the council's votes are recorded, the secretariat proposes it to the chairman (a ward award) or
forwards it to the province (Bằng khen: it waits until the province's decision is entered), the chairman
approves or rejects each nominee with a reason, and the numbered decision closes it. Who may take each step
is a permission of awards.dossiers.permissions; the named steps are registered by awards.dossiers.steps.
"""

from django.urls import reverse

from awards.dossiers.models import DossierStatus, DossierTransition
from core.workflow import State, Transition, Workflow
from units.selectors import person_name

S = DossierStatus
F, T = frozenset, Transition
UNIT, REVIEW, CHAIR, ISSUE = (
    "awards.submit_dossier",
    "awards.review_dossier",
    "awards.approve_dossier",
    "awards.issue_decision",
)
EDITABLE_STATES = F({S.DRAFT, S.RETURNED})


def _record(*, obj, action, source, target, actor, reason) -> DossierTransition:
    """The history row; a return keeps each nominee's own reason in it too (the nominees' reasons are cleared
    when the dossier is accepted, the history keeps them)."""
    if action == "return":
        own = [f"{n.name}: {n.return_reason}" for n in obj.nominees.exclude(return_reason="").order_by("order", "pk")]
        reason = "\n".join([reason, *own])
    return DossierTransition.objects.create(
        dossier=obj, action=action, from_status=source, to_status=target, actor=actor, reason=reason
    )


def _notice_values(dossier, actor, reason: str) -> dict:
    return {
        "unit": dossier.unit.short_name,
        "form": dossier.award_form.name,
        "actor": person_name(actor),
        "reason": reason,
    }


def _url(dossier) -> str:
    return reverse("awards:dossier-detail", kwargs={"pk": dossier.pk})


# fmt: off
DOSSIER_WORKFLOW = Workflow(
    name="dossier",
    states=[
        State(S.DRAFT, S.DRAFT.label, "secondary", editable=True),
        State(S.SUBMITTED, S.SUBMITTED.label, "primary"),
        State(S.RETURNED, S.RETURNED.label, "danger", editable=True),
        State(S.ACCEPTED, S.ACCEPTED.label, "info"),
        State(S.VOTED, S.VOTED.label, "info"),
        State(S.PROPOSED, S.PROPOSED.label, "warning"),
        State(S.REVIEWED, S.REVIEWED.label, "warning"),
        State(S.FORWARDED, S.FORWARDED.label, "dark"),
        State(S.DECIDED, S.DECIDED.label, "success"),
    ],
    transitions=[
        #  action      label                          from                 to           who     reason
        T("submit",   "Gửi hồ sơ",                    EDITABLE_STATES,     S.SUBMITTED, UNIT,   False,
          checks=("complete",), effects=("stamp_submitted",), tells="secretariat", notice="dossier_submitted"),
        T("withdraw", "Rút lại để sửa",               F({S.SUBMITTED}),    S.DRAFT,     UNIT,   False,
          tells="secretariat", notice="dossier_withdrawn"),
        T("return",   "Trả lại",                      F({S.SUBMITTED}),    S.RETURNED,  REVIEW, True,
          effects=("nominee_reasons",), tells="unit_heads", notice="dossier_returned"),
        T("accept",   "Tiếp nhận, trình Hội đồng",    F({S.SUBMITTED}),    S.ACCEPTED,  REVIEW, False,
          effects=("clear_reasons",), tells="unit_heads", notice="dossier_accepted"),
        T("vote",     "Ghi kết quả Hội đồng",         F({S.ACCEPTED}),     S.VOTED,     REVIEW, False,
          checks=("council_closed",), tells="unit_heads", notice="dossier_voted"),
        T("propose",  "Trình Chủ tịch",               F({S.VOTED}),        S.PROPOSED,  REVIEW, False,
          checks=("ward_award",), tells="chairman", notice="dossier_proposed"),
        T("forward",  "Đề nghị lên tỉnh",             F({S.VOTED}),        S.FORWARDED, REVIEW, False,
          checks=("province_award",), tells="unit_heads", notice="dossier_forwarded"),
        T("review",   "Duyệt",                        F({S.PROPOSED}),     S.REVIEWED,  CHAIR,  False,
          effects=("approvals",), tells="secretariat", notice="dossier_reviewed"),
        T("decide",   "Ghi quyết định",               F({S.REVIEWED}),     S.DECIDED,   ISSUE,  False,
          tells="unit_heads", notice="dossier_decided"),
        T("record_province", "Ghi quyết định của tỉnh", F({S.FORWARDED}),  S.DECIDED,   REVIEW, False,
          effects=("province_decision",), tells="unit_heads", notice="dossier_decided"),
    ],
    record=_record,
    notice_values=_notice_values,
    url=_url,
    done=lambda dossier, action: dossier.transitions.filter(action=action).exists(),
)
# fmt: on

EDITABLE = DOSSIER_WORKFLOW.editable
