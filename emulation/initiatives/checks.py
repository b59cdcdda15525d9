"""What an initiative's input may be, checked before anything is written: its texts (core.text: NFC, no hidden
characters, bounded; the title on one line), its authors (active officials of its unit, chosen by id), its files
(named, at most 10 MB, a PDF, image, .xlsx or .docx by content), a recognition day as people type it.

Each check adds its field's Vietnamese message to `errors` rather than raising, so a form hears of every problem at
once; the services raise InitiativeInvalid with them all.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q

from core.text import TextInvalid, text_clean
from emulation.initiatives.models import TEXT_MAX, TITLE_MAX
from emulation.reports.evidence_types import EvidenceTypeError, sniff_evidence_type
from emulation.reports.services import EVIDENCE_MAX_BYTES, EVIDENCE_NAME_MAX
from units.models import Official, Unit

FILES_MAX = 20
"""Attachments an initiative may hold."""
TEXTS = {
    # field: (label, bound, required)
    "title": ("Tên sáng kiến", TITLE_MAX, True),
    "problem": ("Thực trạng, vấn đề cần giải quyết", TEXT_MAX, True),
    "solution": ("Nội dung, giải pháp", TEXT_MAX, True),
    "scope": ("Phạm vi áp dụng", TEXT_MAX, False),
    "benefits": ("Hiệu quả, lợi ích", TEXT_MAX, False),
}


class InitiativeError(Exception):
    """An action on an initiative that cannot be done (not this person's, already recognised…); says why."""


class InitiativeInvalid(Exception):
    """Input that does not pass; `errors` maps a field ("title", "authors", "files", "recognised_on"…) to a message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(" ".join(errors.values()))
        self.errors = errors


@dataclass
class CheckedFile:
    upload: UploadedFile
    name: str
    content_type: str


def texts_clean(raw: dict, errors: dict) -> dict[str, str]:
    clean = {}
    for name, (label, bound, required) in TEXTS.items():
        try:
            text = text_clean(raw.get(name), max_length=bound, label=label).strip()
        except TextInvalid as exc:
            errors[name] = str(exc)
            continue
        if name == "title":
            text = " ".join(text.split())  # one line
        if required and not text:
            errors[name] = f"Cần ghi {label.lower()}."
        clean[name] = text
    return clean


def ids_read(raw: Iterable, limit: int = 200) -> list[int] | None:
    """Record ids as a page sends them (ASCII digits, at most 18); None when any is not one."""
    values = [str(value).strip() for value in list(raw)[: limit + 1]]
    if len(values) > limit or not all(v.isascii() and v.isdigit() and len(v) <= 18 for v in values):
        return None
    return sorted({int(v) for v in values})


def authors_clean(unit: Unit, raw: Iterable, errors: dict, *, already: Iterable[int] = ()) -> list[Official]:
    """Officials of `unit` only, active, chosen from the official records by id (never typed). Those `already`
    authors stay allowed when they have since left the unit: an edit does not have to drop them."""
    ids = ids_read(raw)
    if ids is None:
        errors["authors"] = "Tác giả không hợp lệ: hãy chọn trong danh sách cán bộ, công chức của đơn vị."
        return []
    if not ids:
        errors["authors"] = "Cần chọn ít nhất một tác giả."
        return []
    allowed = Q(unit=unit, is_active=True) | Q(pk__in=list(already))
    officials = list(Official.objects.filter(allowed, pk__in=ids))
    if len(officials) != len(ids):
        errors["authors"] = f"Tác giả phải là cán bộ, công chức đang công tác tại {unit.short_name}."
    return officials


def uploads_clean(uploads: Iterable[UploadedFile], room: int, errors: dict) -> list[CheckedFile]:
    """Each file named, at most 10 MB, a PDF, image, .xlsx or .docx by its content (not its name); at most `room`."""
    files, problems = [], []
    uploads = list(uploads)
    if len(uploads) > room:
        problems.append(f"Mỗi sáng kiến có tối đa {FILES_MAX} tệp đính kèm; chỉ còn thêm được {max(room, 0)} tệp.")
        uploads = []
    for upload in uploads:
        try:
            name = text_clean(upload.name or "", max_length=EVIDENCE_NAME_MAX, label="Tên tệp").strip()
        except TextInvalid as exc:
            problems.append(str(exc))
            continue
        if not name:
            problems.append("Tệp đính kèm phải có tên.")
            continue
        if upload.size > EVIDENCE_MAX_BYTES:
            problems.append(f"Tệp “{name}” vượt quá 10 MB.")
            continue
        try:
            content_type = sniff_evidence_type(upload, name=name)
        except EvidenceTypeError as exc:
            problems.append(f"Tệp “{name}”: {exc}")
            continue
        files.append(CheckedFile(upload=upload, name=name, content_type=content_type))
    if problems:
        errors["files"] = " ".join([errors["files"], *problems] if "files" in errors else problems)
    return files
