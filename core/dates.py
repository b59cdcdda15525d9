"""Days as people type them: dd/mm/yyyy (the UI's form), or yyyy-mm-dd as a browser's date field or a file
sends; the one reader every form, import and query parameter uses."""

import re
from datetime import date, datetime

_DMY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")


def date_read(raw) -> date | None:
    """A date as typed or as a cell holds it; None when blank; ValueError saying, in Vietnamese, what is wanted
    otherwise."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, datetime):
        if raw.time() != datetime.min.time():
            raise ValueError("Chỉ ghi ngày, không ghi giờ.")
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, bool | int | float):
        raise ValueError("Ghi ngày dạng dd/mm/yyyy, ví dụ 18/12/2025 (ô đang là một số).")
    text = str(raw).strip()  # ASCII digits only: "１５/０３/２０２６" is refused, not read
    match = _DMY.match(text) or _ISO.match(text)
    if match is not None:
        day, month, year = match.groups() if match.re is _DMY else reversed(match.groups())
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            pass
    shown = text if len(text) <= 30 else f"{text[:30]}…"
    raise ValueError(f"“{shown}” không phải ngày; ghi dạng dd/mm/yyyy, ví dụ 18/12/2025.")
