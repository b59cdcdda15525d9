"""The monthly report's state machine, as a table: states, transitions, who takes each.

One service (emulation.services.report_transition) applies a transition: it checks the
table, records who/when/from/to/why and notifies whoever must act next.
"""

from dataclasses import dataclass

from django.db import models


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã gửi, chờ xem xét"
    RETURNED = "returned", "Bị trả lại"
    ACCEPTED = "accepted", "Đã chấp nhận"


class Actor(models.TextChoices):
    UNIT_HEAD = "unit_head", "Thủ trưởng đơn vị"
    SECRETARIAT = "secretariat", "Thường trực thi đua"


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[str]
    target: str
    actor: str
    reason_required: bool
    notify: str
    """Who must act next and is told: the other actor."""
    notice: str
    """The kind of message sent (core.notifications.KINDS)."""


S = ReportStatus
U, SEC = Actor.UNIT_HEAD, Actor.SECRETARIAT
F, T = frozenset, Transition
# fmt: off
TRANSITIONS: dict[str, Transition] = {t.action: t for t in [
    #   action      label             from                      to           by   reason tells message
    T("submit",   "Gửi báo cáo",    F({S.DRAFT, S.RETURNED}), S.SUBMITTED, U,   False, SEC, "report_submitted"),
    T("withdraw", "Rút lại để sửa", F({S.SUBMITTED}),         S.DRAFT,     U,   False, SEC, "report_withdrawn"),
    T("accept",   "Chấp nhận",      F({S.SUBMITTED}),         S.ACCEPTED,  SEC, False, U,   "report_accepted"),
    T("return",   "Trả lại",        F({S.SUBMITTED}),         S.RETURNED,  SEC, True,  U,   "report_returned"),
    T("reopen",   "Mở lại để sửa",  F({S.ACCEPTED}),          S.RETURNED,  SEC, True,  U,   "report_reopened"),
]}
# fmt: on

EDITABLE = F({S.DRAFT, S.RETURNED})
"""States in which the unit head may change figures and evidence."""

BADGE = {S.DRAFT: "secondary", S.SUBMITTED: "primary", S.RETURNED: "danger", S.ACCEPTED: "success"}


def transitions_from(status: str) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if status in t.sources]
