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


def date_written(day: date | None, *, year: int | None = None) -> str:
    """A date as an administrative document writes it: "ngày 05 tháng 01 năm 2027", "ngày 25 tháng 3 năm 2027".

    Decree 30/2020 (Appendix I, II.4.b): a day below 10 and the months 1 and 2 take a leading zero, no other month
    does. Without a day (a plan not yet issued), the blanks the signer fills by hand: "ngày    tháng    năm 2026".
    """
    if day is None:
        blank = "\u00a0" * 4
        return f"ngày{blank}tháng{blank}năm {year if year is not None else blank}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
