"""No lost update: a record carries a version, and a save based on an older one is refused.

A page that edits a record sends back the version it showed (and when it showed it); the service
compares under the row lock. Refused, the page shows what changed since — who, when, old → new —
and keeps what the person typed, so they decide with everything in front of them.
"""

from datetime import datetime

from django.db import models
from django.utils.dateparse import parse_datetime


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
