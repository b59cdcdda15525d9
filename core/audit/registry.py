"""The audit's sources. Each app registers, from its AppConfig.ready(), the tables that tell who changed what:
a model's django-simple-history table (`HistorySource`), a workflow's transition table (`TransitionSource`);
core adds the admin site's LogEntry (`admin_log.py`). The units app registers the list of units the page
filters by (`units_register`), so that core never imports a floor above it.

A source answers one bounded query per page (`Source.entries`): the filters, the time cursor, a LIMIT; it
returns `Entry` rows in the merge order (newest first, then source key, then id descending).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Q, QuerySet

HISTORY = "Sửa dữ liệu"
STEPS = "Bước xử lý"
ADMIN = "Trang quản trị"


@dataclass(frozen=True)
class Entry:
    """One line of the log: when, who, which unit, what kind, what was done to what, and the detail."""

    source: str
    pk: int
    at: datetime
    actor: str
    unit: str
    kind: str
    action: str
    subject: str
    detail: str = ""


@dataclass(frozen=True)
class Cursor:
    """Where a page ends: the last entry's time, source and id (the merge order's key)."""

    at: datetime
    source: str
    pk: int


@dataclass(frozen=True)
class Query:
    person: int | None = None
    since: datetime | None = None
    """Inclusive."""
    until: datetime | None = None
    """Exclusive (the start of the day after the last day asked)."""
    unit: int | None = None


def person_name(username: str | None, first: str | None, last: str | None) -> str:
    if username is None:
        return "(hệ thống)"
    return f"{first or ''} {last or ''}".strip() or username


@dataclass(kw_only=True)
class Source:
    """A table read for the log. `at`, `pk`, `actor` and `unit` are field paths on `model`; `unit` None: the
    table's rows belong to no unit (left out when the page filters by unit)."""

    key: str
    label: str
    group: str
    model: type
    at: str
    pk: str
    actor: str
    unit: str | None = None
    unit_name: str | None = None
    subject: Callable[[dict], str] | None = None
    subject_fields: tuple[str, ...] = ()

    def queryset(self) -> QuerySet:
        return self.model._default_manager.all()

    def window(self, query: Query, cursor: Cursor | None) -> QuerySet | None:
        """The source's rows matching the filters, after the cursor, newest first (the caller takes its LIMIT);
        None when the filters exclude the whole table."""
        if query.unit is not None and self.unit is None:
            return None
        rows = self.queryset()
        if query.person is not None:
            rows = rows.filter(**{self.actor: query.person})
        if query.since is not None:
            rows = rows.filter(**{f"{self.at}__gte": query.since})
        if query.until is not None:
            rows = rows.filter(**{f"{self.at}__lt": query.until})
        if query.unit is not None:
            rows = rows.filter(**{self.unit: query.unit})
        if cursor is not None:
            after = Q(**{f"{self.at}__lt": cursor.at})
            if self.key > cursor.source:
                after |= Q(**{self.at: cursor.at})
            elif self.key == cursor.source:
                after |= Q(**{self.at: cursor.at, f"{self.pk}__lt": cursor.pk})
            rows = rows.filter(after)
        return rows.order_by(f"-{self.at}", f"-{self.pk}")

    def entries(self, query: Query, cursor: Cursor | None, limit: int) -> list[Entry]:
        raise NotImplementedError

    def _subject(self, values: dict, default: str) -> str:
        return self.subject(values) if self.subject is not None else default

    def _unit_fields(self) -> list[str]:
        return [self.unit_name] if self.unit_name else []


_ACTIONS = {"+": "Thêm mới", "~": "Sửa", "-": "Xóa"}


@dataclass(kw_only=True)
class HistorySource(Source):
    """A model's django-simple-history table; a change lists the fields that changed (names, not values)."""

    at: str = "history_date"
    pk: str = "history_id"
    actor: str = "history_user_id"

    def entries(self, query: Query, cursor: Cursor | None, limit: int) -> list[Entry]:
        from django.db.models import OuterRef, Subquery

        rows = self.window(query, cursor)
        if rows is None:
            return []
        historical = self.model
        tracked = [f.attname for f in historical._meta.concrete_fields if not f.name.startswith("history_")]
        ident = historical.instance_type._meta.pk.attname
        earlier = historical._default_manager.filter(
            **{ident: OuterRef(ident), "history_id__lt": OuterRef("history_id")}
        )
        rows = rows.annotate(previous=Subquery(earlier.order_by("-history_id").values("history_id")[:1]))[:limit]
        user = ("history_user__username", "history_user__first_name", "history_user__last_name")
        found = list(
            rows.values(
                "history_id",
                "history_date",
                "history_type",
                *tracked,
                *user,
                *self._unit_fields(),
                *self.subject_fields,
                "previous",
            )
        )
        wanted = [row["previous"] for row in found if row["history_type"] == "~" and row["previous"]]
        before = {
            row["history_id"]: row
            for row in historical._default_manager.filter(history_id__in=wanted).values("history_id", *tracked)
        }
        names = {f.attname: str(f.verbose_name) for f in historical.instance_type._meta.concrete_fields}
        noun = str(historical.instance_type._meta.verbose_name)
        entries = []
        for row in found:
            detail = ""
            if row["previous"] in before:
                changed = [names.get(a, a) for a in tracked if row[a] != before[row["previous"]][a]]
                detail = f"Đã sửa: {', '.join(changed)}." if changed else "Lưu lại, không đổi giá trị."
            entries.append(
                Entry(
                    source=self.key,
                    pk=row["history_id"],
                    at=row["history_date"],
                    actor=person_name(*(row[name] for name in user)),
                    unit=(row.get(self.unit_name) or "") if self.unit_name else "",
                    kind=self.label,
                    action=_ACTIONS.get(row["history_type"], row["history_type"]),
                    subject=self._subject(row, f"{noun[:1].upper()}{noun[1:]} #{row[ident]}"),
                    detail=detail,
                )
            )
        return entries


@dataclass(kw_only=True)
class TransitionSource(Source):
    """A workflow's transition table (action, from_status, to_status, actor, at, reason); `actions` names each
    action as the workflow's table does."""

    at: str = "at"
    pk: str = "id"
    actor: str = "actor_id"
    group: str = STEPS
    actions: dict[str, str] = field(default_factory=dict)

    def entries(self, query: Query, cursor: Cursor | None, limit: int) -> list[Entry]:
        rows = self.window(query, cursor)
        if rows is None:
            return []
        rows = rows[:limit]
        user = ("actor__username", "actor__first_name", "actor__last_name")
        fields = ("id", "at", "action", "from_status", "to_status", "reason", *user)
        statuses = dict(self.model._meta.get_field("to_status").choices)
        entries = []
        for row in rows.values(*fields, *self._unit_fields(), *self.subject_fields):
            before, after = (statuses.get(row[name], row[name]) for name in ("from_status", "to_status"))
            moved = f"{before} → {after}"
            entries.append(
                Entry(
                    source=self.key,
                    pk=row["id"],
                    at=row["at"],
                    actor=person_name(*(row[name] for name in user)),
                    unit=(row.get(self.unit_name) or "") if self.unit_name else "",
                    kind=self.label,
                    action=f"{self.actions.get(row['action'], row['action'])} ({moved})",
                    subject=self._subject(row, f"#{row['id']}"),
                    detail=f"Lý do: {row['reason']}" if row["reason"] else "",
                )
            )
        return entries


_SOURCES: dict[str, Source] = {}
_UNITS: list[Callable[[], list[tuple[int, str]]]] = []


def source_register(source: Source) -> Source:
    _SOURCES[source.key] = source
    return source


def history_register(model, *, key: str, label: str, **options) -> Source:
    """Register `model`'s simple-history table (the model itself is given, its historical model is read)."""
    return source_register(HistorySource(key=key, label=label, group=HISTORY, model=model.history.model, **options))


def sources() -> list[Source]:
    return sorted(_SOURCES.values(), key=lambda source: (source.group, source.label))


def source(key: str) -> Source | None:
    return _SOURCES.get(key)


def units_register(provider: Callable[[], list[tuple[int, str]]]) -> None:
    """The units the page filters by: (id, name), read once per page."""
    _UNITS[:] = [provider]


def unit_choices() -> list[tuple[int, str]]:
    return _UNITS[0]() if _UNITS else []
