"""The one workflow engine: a state machine is a table of transitions, and transition_apply() applies one.

A workflow (a monthly report's, a dossier's) declares its states and its transitions as data: the
action, the states it leaves from, the state it goes to, the permission rule a person must pass to
take it, whether a reason is required, the named checks run first, the named effects, and who is
told with which notification kind. transition_apply() is the only way a record changes state: it
locks the record, checks, records who/when/from/to/why, runs the effects and notifies, in one
transaction. An effect is either part of the change (it writes to the record, inside the
transaction) or follows it (it runs once the transaction commits: enqueueing work, never before
the change is durable). The apps register the named checks, effects and recipients; a name that
nobody registered is a programming error (core/tests checks every table).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import rules
from django.db import transaction
from django.db.models import Model

from core.notifications import notify
from core.text import text_clean
from core.versions import version_check


class TransitionRefused(Exception):
    """A transition that cannot be taken now; the message says why, in Vietnamese."""


class TransitionDone(TransitionRefused):
    """The step was already taken (a second click, a second person): answered as done, nothing done twice."""


@dataclass(frozen=True)
class State:
    value: str
    label: str
    colour: str
    """Bootstrap colour of its badge (the words are always shown with it)."""
    editable: bool = False
    """Whether the record's content may change in this state."""


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[str]
    target: str
    permission: str
    """A django-rules permission asked with (person, record)."""
    reason_required: bool = False
    checks: tuple[str, ...] = ()
    """Named checks run before the change; one that fails raises and nothing is written."""
    effects: tuple[str, ...] = ()
    """Named effects, run in the transaction or on commit as each was registered."""
    tells: str = ""
    """A named recipients function: who is told, usually whoever acts next."""
    notice: str = ""
    """The notification kind sent (core.notifications)."""


@dataclass
class Effect:
    run: Callable
    on_commit: bool


@dataclass
class Workflow:
    """A state machine as a table. `record` writes the history row of one step (the app's model)."""

    name: str
    states: list[State]
    transitions: list[Transition]
    record: Callable[..., Model]
    notice_values: Callable[[Model, object, str], dict]
    """The values a notice's templates need: (record, actor, reason) → dict."""
    url: Callable[[Model], str]
    changes_since: Callable | None = None
    """(record, seen_at) → what changed since a page showed it, for a step refused as stale (core.versions)."""
    done: Callable[[Model, str], bool] | None = None
    """(record, action) → whether that step was already taken; then it is answered as done (TransitionDone)."""
    checks: dict[str, Callable] = field(default_factory=dict)
    effects: dict[str, Effect] = field(default_factory=dict)
    recipients: dict[str, Callable] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_action = {t.action: t for t in self.transitions}
        self.by_state = {s.value: s for s in self.states}
        _WORKFLOWS[self.name] = self

    # Registration, by the apps that own each named piece.
    def check(self, name: str) -> Callable:
        def register(function: Callable) -> Callable:
            self.checks[name] = function
            return function

        return register

    def effect(self, name: str, *, on_commit: bool = False) -> Callable:
        def register(function: Callable) -> Callable:
            self.effects[name] = Effect(function, on_commit)
            return function

        return register

    def recipient(self, name: str) -> Callable:
        def register(function: Callable) -> Callable:
            self.recipients[name] = function
            return function

        return register

    # Reading the table.
    @property
    def editable(self) -> frozenset[str]:
        return frozenset(s.value for s in self.states if s.editable)

    def from_state(self, status: str) -> list[Transition]:
        return [t for t in self.transitions if status in t.sources]

    def may(self, user, obj, action: str) -> bool:
        """Whether `user` may take `action` on `obj` now: the state allows it and the rule passes."""
        transition = self.by_action.get(action)
        return (
            transition is not None
            and obj.status in transition.sources
            and rules.has_perm(transition.permission, user, obj)
        )

    def available(self, user, obj) -> list[Transition]:
        return [t for t in self.from_state(obj.status) if rules.has_perm(t.permission, user, obj)]

    def missing_names(self) -> list[str]:
        """Names the table uses that nobody registered (checked by a test)."""
        names = []
        for t in self.transitions:
            names += [f"check {n}" for n in t.checks if n not in self.checks]
            names += [f"effect {n}" for n in t.effects if n not in self.effects]
            if t.tells and t.tells not in self.recipients:
                names.append(f"recipients {t.tells}")
        return names


_WORKFLOWS: dict[str, Workflow] = {}


def workflows() -> list[Workflow]:
    return list(_WORKFLOWS.values())


def state_colour(status: str) -> str:
    """The badge colour of a state in any workflow (states are named apart across workflows)."""
    for workflow in _WORKFLOWS.values():
        if status in workflow.by_state:
            return workflow.by_state[status].colour
    return "secondary"


REASON_MAX = 2000


@transaction.atomic
def transition_apply(
    *,
    workflow: Workflow,
    obj: Model,
    action: str,
    actor,
    reason: str = "",
    based_on: int | None = None,
    seen_at=None,
    **inputs,
) -> Model:
    """Move `obj` along `workflow` by `action`: lock it, check, change its state, record the step, run
    the effects and notify. Raises TransitionRefused (nothing written) when the action is unknown,
    not possible from the current state, not allowed to `actor`, lacks a required reason, or a
    named check fails (checks may raise their own errors too). `inputs` are handed to the checks
    and effects (e.g. the secretariat's appraisal scores on acceptance). A record with a `version`
    refuses a step based on an older one (`based_on`, from the page: StaleVersion) and gets a new one.
    """
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    transition = workflow.by_action.get(action)
    if transition is None:
        raise TransitionRefused("Thao tác không hợp lệ.")
    verb = transition.label[:1].lower() + transition.label[1:]
    label = workflow.by_state[obj.status].label if obj.status in workflow.by_state else obj.status
    if obj.status not in transition.sources and workflow.done is not None and workflow.done(obj, action):
        raise TransitionDone(f"Đã “{verb}” rồi (đang ở trạng thái “{label}”): không làm lại.")
    versioned = hasattr(obj, "version")
    if versioned:
        changes = workflow.changes_since or (lambda record, seen: [])
        version_check(current=obj.version, based_on=based_on, changes=lambda: changes(obj, seen_at))
    if obj.status not in transition.sources:
        raise TransitionRefused(f"Không thể “{verb}” khi đang ở trạng thái “{label}”.")
    if not rules.has_perm(transition.permission, actor, obj):
        raise TransitionRefused(f"Bạn không có quyền “{verb}”.")
    reason = text_clean(reason or "", max_length=REASON_MAX, label="Lý do", error=TransitionRefused)
    if transition.reason_required and not reason.strip():
        raise TransitionRefused("Cần ghi lý do.")
    for name in transition.checks:
        workflow.checks[name](obj, actor, **inputs)
    source = obj.status
    obj.status = transition.target
    later = []
    for name in transition.effects:
        effect = workflow.effects[name]
        if effect.on_commit:
            later.append(effect.run)
        else:
            effect.run(obj, actor, source=source, **inputs)
    if versioned:
        obj.version += 1
    obj._history_user = actor
    obj._change_reason = transition.label[:100]
    obj.save()
    workflow.record(obj=obj, action=action, source=source, target=obj.status, actor=actor, reason=reason)
    for run in later:
        transaction.on_commit(lambda run=run: run(obj, actor, source=source))
    if transition.notice:
        notify(
            kind=transition.notice,
            recipients=workflow.recipients[transition.tells](obj) if transition.tells else [],
            url=workflow.url(obj),
            **workflow.notice_values(obj, actor, reason),
        )
    return obj
