"""The admin site's own log (django.contrib.admin LogEntry) as a source of the audit: what the admin added,
changed or deleted in /quan-tri/. Its rows belong to no unit."""

from django.contrib.admin.models import LogEntry

from core.audit.registry import ADMIN, Cursor, Entry, Query, Source, person_name, source_register

_ACTIONS = {1: "Thêm mới", 2: "Sửa", 3: "Xóa"}


class AdminLogSource(Source):
    def entries(self, query: Query, cursor: Cursor | None, limit: int) -> list[Entry]:
        rows = self.window(query, cursor)
        if rows is None:
            return []
        entries = []
        for row in rows.select_related("user", "content_type")[:limit]:
            noun = row.content_type.name if row.content_type is not None else ""
            entries.append(
                Entry(
                    source=self.key,
                    pk=row.pk,
                    at=row.action_time,
                    actor=person_name(row.user.username, row.user.first_name, row.user.last_name),
                    unit="",
                    kind=self.label,
                    action=_ACTIONS.get(row.action_flag, str(row.action_flag)),
                    subject=f"{noun[:1].upper()}{noun[1:]}: {row.object_repr}" if noun else row.object_repr,
                    detail=row.get_change_message(),
                )
            )
        return entries


source_register(
    AdminLogSource(
        key="quan-tri",
        label="Thao tác trên trang quản trị",
        group=ADMIN,
        model=LogEntry,
        at="action_time",
        pk="id",
        actor="user_id",
    )
)
