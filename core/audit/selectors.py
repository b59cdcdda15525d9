"""Reading the audit log one page at a time.

Pagination is a time cursor, not an offset: the log merges several tables (each app's history and transition
tables, the admin's LogEntry), so there is no single query to OFFSET into. A page reads each source once, with
the filters, "older than the cursor" and LIMIT page size + 1, merges the rows in Python in one total order —
newest first, then the source's key, then the row's id descending — and keeps the first `page size`. The last
row kept is the next page's cursor (`?truoc=<time>~<source>~<id>`); every source then reads only what comes
after it in that order, so no row is skipped or shown twice, however many rows share a second. The cost of a
page is one query per source (two for a history table: its rows, then the versions before the changed ones, for
the names of the fields that changed), whatever the number of rows. "Newest" goes back to the first page.
"""

from dataclasses import dataclass
from datetime import datetime

from core.audit.registry import Cursor, Entry, Query, source, sources

PAGE_SIZE = 50
EXPORT_MAX = 5000
_PK_MAX = 2**63 - 1


@dataclass(frozen=True)
class Page:
    entries: list[Entry]
    next: Cursor | None


def entries_page(query: Query, *, kind: str = "", cursor: Cursor | None = None, size: int = PAGE_SIZE) -> Page:
    """The `size` entries after `cursor` (newest first), from every source or only `kind`'s."""
    chosen = [source(kind)] if kind else sources()
    rows: list[Entry] = []
    for each in chosen:
        if each is not None:
            rows += each.entries(query, cursor, size + 1)
    rows.sort(key=lambda entry: (entry.source, -entry.pk))
    rows.sort(key=lambda entry: entry.at, reverse=True)  # stable: ties keep source, then id descending
    kept = rows[:size]
    more = len(rows) > size
    last = kept[-1] if kept else None
    return Page(kept, Cursor(last.at, last.source, last.pk) if more and last else None)


def cursor_text(cursor: Cursor) -> str:
    return f"{cursor.at.isoformat()}~{cursor.source}~{cursor.pk}"


def cursor_read(text: str) -> Cursor:
    """The cursor a page link carries; ValueError for anything else (a forged or truncated link)."""
    parts = text.split("~")
    if len(text) > 80 or len(parts) != 3 or source(parts[1]) is None or not parts[2].isascii():
        raise ValueError(text)
    at = datetime.fromisoformat(parts[0])
    pk = int(parts[2]) if parts[2].isdigit() else 0
    if at.tzinfo is None or not 0 < pk <= _PK_MAX:
        raise ValueError(text)
    return Cursor(at, parts[1], pk)
