"""Who read or exported an official's personal data (DOMAIN.md §7), and what each official sees of it.

Personal data here is what §7 counts: the birth date (units pages, the admin) and Mẫu 03's short CV (birth date,
ethnicity, hometown, residence: the achievement report page and its PDF). Pages that show only a name, position
and unit (the unit list, awards histories, the province's export) are not logged.

The rules of the log:
- one function writes it, `personal_data_seen`, called by the views that show or export those fields, and by the
  Mẫu 03 kind's download hook (documents.registry.DocumentKind.on_download);
- one row per official whose data was shown or exported, so that each official sees every access to their own
  data; a list (a unit's page, an export) writes all its rows in one INSERT and records in `count` how many
  officials the list held: one statement per request, as many rows as the list had officials;
- reading one's own data is not logged: the log answers "who else has seen my data";
- the row holds who, whose, what, which page, when — never the personal data itself.
"""

from collections.abc import Iterable

from django.core.paginator import Page, Paginator

from core.text import text_normalise
from units.models import Official, PersonalDataAccess
from units.selectors import official_of

Action = PersonalDataAccess.Action
LOG_PAGE_SIZE = 20


def personal_data_seen(*, viewer, officials: Iterable[Official], action: str, page: str, path: str = "") -> int:
    """Log that `viewer` read (or exported) the personal data of `officials`; returns how many rows were written.

    The viewer's own record is left out. `page` says where, for the official to read ("Trang đơn vị Văn phòng");
    `path` is the URL asked. Both are normalised and cut to their columns' bounds."""
    if action not in Action.values:
        raise ValueError(f"unknown personal-data action {action!r}")
    listed = {o.pk: o for o in officials if o is not None}
    own = official_of(viewer)
    others = [o for pk, o in listed.items() if own is None or pk != own.pk]
    if not others or not viewer.is_authenticated:
        return 0
    name = (own.full_name if own else viewer.get_full_name() or viewer.get_username())[:150]
    page = text_normalise(page)[:200]
    path = text_normalise(path)[:300]
    rows = [
        PersonalDataAccess(
            official=o, viewer=viewer, viewer_name=name, action=action, page=page, path=path, count=len(listed)
        )
        for o in others
    ]
    PersonalDataAccess.objects.bulk_create(rows)
    return len(rows)


def personal_data_log(official: Official, page_number) -> Page:
    """The accesses to `official`'s data, newest first, one page (two queries: the count and the page)."""
    accesses = PersonalDataAccess.objects.filter(official=official).only("viewer_name", "action", "page", "count", "at")
    return Paginator(accesses.order_by("-at", "-pk"), LOG_PAGE_SIZE).get_page(str(page_number or "")[:12])
