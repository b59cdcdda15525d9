"""No lost update: a record carries a version, and a save based on an older one is refused.

A page that edits a record sends back the version it showed (and when it showed it); the service
compares under the row lock. Refused, the page shows what changed since — who, when, old → new —
and keeps what the person typed, so they decide with everything in front of them.
"""

from datetime import date, datetime
from decimal import Decimal

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.functional import cached_property


def version_field(help_text: str) -> models.PositiveIntegerField:
    """The `version` column of a record edited by pages that must not overwrite one another."""
    return models.PositiveIntegerField("phiên bản", default=0, editable=False, help_text=help_text)


class StaleVersion(Exception):
    """The record changed since the page was shown; `changes` lists how (who, when, what, old, new)."""

    def __init__(self, *, current: int, changes: list[dict]):
        super().__init__(
            "Đã có người khác thay đổi nội dung này sau khi bạn mở trang; chưa lưu gì. "
            "Xem các thay đổi bên dưới, rồi lưu lại nếu vẫn muốn."
        )
        self.current = current
        self.changes = changes


def version_read(raw) -> int | None:
    """The version a page sent back: None when it sent none, -1 (never current) when it is not a small number."""
    if raw is None or raw == "":
        return None
    text = str(raw).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else -1


def seen_at_read(raw) -> datetime | None:
    """When the page was shown (an ISO timestamp it sent back), or None."""
    try:
        return parse_datetime(str(raw)[:40]) if raw else None
    except ValueError:
        return None


def version_check(*, current: int, based_on: int | None, changes) -> None:
    """Raise StaleVersion (with changes() listed) when a save based on `based_on` would overwrite a later one."""
    if based_on is not None and based_on != current:
        raise StaleVersion(current=current, changes=changes())


def _shown(value):
    """A stored value as the changes table shows it: dates dd/mm/yyyy, yes/no in words, numbers left as numbers."""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return value


def history_changes(records, fields: dict[str, str], seen_at: datetime | None, *, prefix: str = "") -> list[dict]:
    """Each field's change between consecutive past versions (django-simple-history records, oldest first) made
    after `seen_at` (every one when None), newest first: when, who, what (`prefix` + label), old → new, as the
    changes table (emulation/partials/changes.html) shows them. A record's first version counts from nothing."""
    changes, before = [], None
    for after in records:
        if seen_at is None or after.history_date > seen_at:
            for name, label in fields.items():
                old = _shown(getattr(before, name)) if before is not None else None
                new = _shown(getattr(after, name))
                if old != new and not (old is None and new in ("", None)):
                    number = isinstance(new, int | Decimal) or isinstance(old, int | Decimal)
                    changes.append(
                        {
                            "at": after.history_date,
                            "user": after.history_user,
                            "what": f"{prefix}{label}",
                            "old": old,
                            "new": new,
                            "text": not number,
                        }
                    )
        before = after
    return list(reversed(changes))


class VersionedAdminForm(forms.ModelForm):
    """An admin change form that refuses a save based on an older version of the row: the page carries the
    version it showed and when; the check runs under the row lock (the admin saves in one transaction). Refused,
    the form says who changed what since (the admin's own log) and keeps what was typed; saved again from
    there, it is knowingly based on what is there now."""

    seen_version = forms.CharField(label="phiên bản đã mở", widget=forms.HiddenInput, required=False)
    seen_at = forms.CharField(label="mở lúc", widget=forms.HiddenInput, required=False)
    VERSION_FIELDS = ("seen_version", "seen_at")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version if self.instance.pk else 0
        self.fields["seen_at"].initial = timezone.now().isoformat()

    @cached_property
    def changed_data(self) -> list[str]:
        """What the person changed (the admin's log names it), not the page's version and time."""
        return [name for name in super().changed_data if name not in self.VERSION_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        model = type(self.instance)
        current = model.objects.select_for_update().filter(pk=self.instance.pk).values_list("version", flat=True)
        current = current.first() or 0
        based_on = version_read(self.data.get(self.add_prefix("seen_version")))
        if based_on != current:
            seen_at = seen_at_read(self.data.get(self.add_prefix("seen_at")))
            self.data = self.data.copy()  # the form shown again is based on what is there now
            self.data[self.add_prefix("seen_version")] = str(current)
            self.data[self.add_prefix("seen_at")] = timezone.now().isoformat()
            stale = StaleVersion(current=current, changes=[])
            raise forms.ValidationError([str(stale), *_admin_log_since(self.instance, seen_at)])
        self.instance.version = current + 1
        return cleaned


def _admin_log_since(instance, seen_at: datetime | None, limit: int = 10) -> list[str]:
    """The admin's log of the row after `seen_at` (the latest `limit` when not known), one line each."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    ).select_related("user")
    if seen_at is not None:
        entries = entries.filter(action_time__gt=seen_at)
    lines = []
    for entry in entries.order_by("-action_time")[:limit]:
        who = getattr(getattr(entry.user, "official", None), "full_name", "") or entry.user.get_username()
        what = entry.get_change_message() or "Đã sửa"
        lines.append(f"{timezone.localtime(entry.action_time):%d/%m/%Y %H:%M} · {who}: {what}")
    return lines
