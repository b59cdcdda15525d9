"""Writes to initiatives: registering one, editing it, and the secretariat's recognition (recorded, changed,
withdrawn).

Every service takes keyword arguments, checks who acts, validates the whole input (texts through core.text, authors
against the unit's official records, files by their content) before writing anything, and writes in one transaction
under the initiative's row lock, checking the version the page showed (core.versions). Refusals are InitiativeError
(one message) or InitiativeInvalid (one message per field), in Vietnamese. Each write that changes anything makes a
new version, kept in the initiative's history with who, when and why.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from datetime import datetime
from pathlib import PurePath

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from core.dates import date_read
from core.roles import Role, has_role
from core.text import TextInvalid, text_clean
from core.versions import version_check
from emulation.initiatives import checks
from emulation.initiatives.checks import FILES_MAX, InitiativeError, InitiativeInvalid
from emulation.initiatives.models import REFERENCE_MAX, Initiative, InitiativeFile
from emulation.initiatives.permissions import can_edit_initiative, can_recognise_initiative, can_register_initiative
from emulation.initiatives.selectors import initiative_changes_since
from emulation.plan.models import Campaign
from units.models import Unit
from units.selectors import official_of

__all__ = ["FILES_MAX", "InitiativeError", "InitiativeInvalid"]  # the pages catch and show them from here
REASON_MAX = 2000


@contextmanager
def _writing(stored: list[str]):
    """One transaction; the files stored in it (their names appended to `stored`) are removed again if it fails,
    so that a refused or failed write leaves nothing in the media folder."""
    try:
        with transaction.atomic():
            yield
    except BaseException:
        for name in stored:
            InitiativeFile._meta.get_field("file").storage.delete(name)
        raise


def _files_store(initiative: Initiative, files: list[checks.CheckedFile], actor, stored: list[str]) -> None:
    for file in files:
        file.upload.seek(0)
        # Stored under a random name with the extension its content was checked against (upload_to).
        file.upload.name = "tep" + PurePath(file.name).suffix.lower()
        saved = InitiativeFile.objects.create(
            initiative=initiative,
            file=file.upload,
            original_name=file.name,
            content_type=file.content_type,
            size=file.upload.size,
            uploaded_by=actor,
        )
        stored.append(saved.file.name)


def _touch(initiative: Initiative, *, actor, why: str) -> None:
    """A new version, kept in the history with `why`. The caller holds the transaction and the row lock."""
    initiative.version += 1
    initiative._history_user = actor
    initiative._change_reason = why
    initiative.save()


def _quoted(names: list[str]) -> str:
    return ", ".join(f"“{name}”" for name in names)


def default_authors(actor, unit: Unit) -> list[int]:
    """The registrant is an author by default when they are an official (the role) of the unit."""
    official = official_of(actor)
    if official is not None and official.unit_id == unit.pk and has_role(actor, Role.OFFICIAL):
        return [official.pk]
    return []


def initiative_register(
    *,
    campaign: Campaign,
    unit: Unit,
    actor: AbstractBaseUser,
    title: str,
    problem: str,
    solution: str,
    scope: str = "",
    benefits: str = "",
    authors: Iterable | None = None,
    uploads: Iterable[UploadedFile] = (),
) -> Initiative:
    """Register an initiative of `unit` under `campaign`, with its authors (ids of the unit's officials; None: the
    registrant, when an official of the unit) and attachments.

    Refused when the campaign is not running, the unit does not take part or the actor is not of the unit; when a
    text is missing or too long, an author is not an active official of the unit, a file is not what its name says
    or is over 10 MB; and when the unit already registered an initiative of the same title in the campaign.
    """
    if not campaign.is_active:
        raise InitiativeError(f"Phong trào {campaign.code} không còn triển khai: không đăng ký thêm sáng kiến.")
    if not campaign.participants.filter(pk=unit.pk).exists():
        raise InitiativeError(f"{unit.name} không tham gia phong trào {campaign.code}.")
    if not can_register_initiative.test(actor, unit):
        raise InitiativeError("Chỉ cán bộ, công chức và thủ trưởng của đơn vị được đăng ký sáng kiến cho đơn vị.")
    errors: dict[str, str] = {}
    texts = checks.texts_clean(
        {"title": title, "problem": problem, "solution": solution, "scope": scope, "benefits": benefits}, errors
    )
    officials = checks.authors_clean(unit, default_authors(actor, unit) if authors is None else authors, errors)
    files = checks.uploads_clean(uploads, FILES_MAX, errors)
    if errors:
        raise InitiativeInvalid(errors)
    stored: list[str] = []
    with _writing(stored):
        Unit.objects.select_for_update().filter(pk=unit.pk).first()  # two clicks at once: one initiative
        if Initiative.objects.filter(campaign=campaign, unit=unit, title__iexact=texts["title"]).exists():
            raise InitiativeInvalid({"title": f"{unit.short_name} đã đăng ký sáng kiến “{texts['title']}”."})
        initiative = Initiative(campaign=campaign, unit=unit, registered_by=actor, **texts)
        initiative.skip_history_when_saving = True  # one history record, with its authors, once they are set
        initiative.save()
        initiative.authors.set(officials)
        _files_store(initiative, files, actor, stored)
        del initiative.skip_history_when_saving
        why = "Đăng ký sáng kiến" + (f"; đính kèm {_quoted([f.name for f in files])}" if files else "")
        _touch(initiative, actor=actor, why=why)
        Initiative.history.filter(id=initiative.pk).update(history_type="+")
    return initiative


def initiative_update(
    *,
    initiative: Initiative,
    actor: AbstractBaseUser,
    title: str,
    problem: str,
    solution: str,
    scope: str = "",
    benefits: str = "",
    authors: Iterable,
    uploads: Iterable[UploadedFile] = (),
    remove_files: Iterable = (),
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> Initiative:
    """Change an initiative's texts, authors and attachments (add `uploads`, remove the files whose ids are in
    `remove_files`), all or nothing: by its registrant or its unit's head, until it is recognised.

    A page sends the version it showed (`based_on`, and when: `seen_at`): if the initiative changed since,
    StaleVersion lists how and nothing is saved. Removed files leave the media folder once the change commits.
    """
    stored: list[str] = []
    with _writing(stored):
        initiative = Initiative.objects.select_for_update().select_related("unit", "campaign").get(pk=initiative.pk)
        version_check(
            current=initiative.version,
            based_on=based_on,
            changes=lambda: initiative_changes_since(initiative, seen_at),
        )
        if initiative.recognised_on is not None:
            raise InitiativeError("Sáng kiến đã được công nhận: không sửa được nữa.")
        if not can_edit_initiative.test(actor, initiative):
            raise InitiativeError("Chỉ người đăng ký hoặc thủ trưởng đơn vị được sửa sáng kiến.")
        errors: dict[str, str] = {}
        texts = checks.texts_clean(
            {"title": title, "problem": problem, "solution": solution, "scope": scope, "benefits": benefits}, errors
        )
        current_authors = set(initiative.authors.values_list("pk", flat=True))
        officials = checks.authors_clean(initiative.unit, authors, errors, already=current_authors)
        current_files = {file.pk: file for file in initiative.files.all()}
        removing = checks.ids_read(remove_files)
        if removing is None or not set(removing) <= set(current_files):
            errors["files"] = "Tệp cần xóa không thuộc sáng kiến này."
            removing = []
        files = checks.uploads_clean(uploads, FILES_MAX - len(current_files) + len(removing), errors)
        if errors:
            raise InitiativeInvalid(errors)
        if texts["title"].lower() != initiative.title.lower() and (
            Initiative.objects.filter(campaign=initiative.campaign, unit=initiative.unit, title__iexact=texts["title"])
            .exclude(pk=initiative.pk)
            .exists()
        ):
            raise InitiativeInvalid({"title": f"{initiative.unit.short_name} đã có sáng kiến “{texts['title']}”."})
        changed_texts = [name for name, value in texts.items() if getattr(initiative, name) != value]
        for name in changed_texts:
            setattr(initiative, name, texts[name])
        new_authors = {o.pk for o in officials}
        changed_authors = new_authors != current_authors
        if not (changed_texts or changed_authors or files or removing):
            return initiative
        parts = ["Sửa sáng kiến"] if changed_texts or changed_authors else []
        if files:
            parts.append(f"đính kèm {_quoted([f.name for f in files])}")
        if removing:
            parts.append(f"xóa tệp {_quoted([current_files[pk].original_name for pk in removing])}")
        initiative.skip_history_when_saving = True
        if changed_authors:
            initiative.authors.set(officials)
        storage = InitiativeFile._meta.get_field("file").storage
        for pk in removing:
            name = current_files[pk].file.name
            current_files[pk].delete()
            transaction.on_commit(lambda name=name: storage.delete(name))
        _files_store(initiative, files, actor, stored)
        del initiative.skip_history_when_saving
        why = "; ".join(parts)
        _touch(initiative, actor=actor, why=why[:1].upper() + why[1:])
    return initiative


def initiative_recognise(
    *,
    initiative: Initiative,
    actor: AbstractBaseUser,
    recognised_on,
    level: str,
    decision_reference: str,
    applied: bool,
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> Initiative:
    """The secretariat records (or changes) the initiative's recognition: the day (not after today; typed
    dd/mm/yyyy), the level (unit, ward, province), the decision that recognised it, and whether it is applied.

    A recognised initiative can no longer be edited by its unit; recognised and applied, it counts for awards
    (`initiatives_counting_for`). Versions as in `initiative_update`.
    """
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
        version_check(
            current=initiative.version,
            based_on=based_on,
            changes=lambda: initiative_changes_since(initiative, seen_at),
        )
        if not can_recognise_initiative.test(actor, initiative):
            raise InitiativeError("Chỉ Thường trực thi đua ghi nhận việc công nhận sáng kiến.")
        errors: dict[str, str] = {}
        try:
            day = date_read(recognised_on[:30] if isinstance(recognised_on, str) else recognised_on)
        except ValueError:
            day = None
        if day is None:
            errors["recognised_on"] = "Ngày công nhận không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2026."
        elif day > timezone.localdate():
            errors["recognised_on"] = f"Ngày công nhận {day:%d/%m/%Y} chưa đến: không được sau hôm nay."
        elif day.year < 2000:
            errors["recognised_on"] = "Ngày công nhận không hợp lệ: năm phải từ 2000."
        if level not in Initiative.Level.values:
            errors["level"] = "Chọn cấp công nhận: cấp đơn vị, cấp phường hoặc cấp tỉnh."
        try:
            reference = " ".join(
                text_clean(decision_reference, max_length=REFERENCE_MAX, label="Văn bản công nhận").split()
            )
        except TextInvalid as exc:
            errors["decision_reference"] = str(exc)
        else:
            if not reference:
                errors["decision_reference"] = "Cần ghi văn bản công nhận (số, ký hiệu, ngày của quyết định)."
        if errors:
            raise InitiativeInvalid(errors)
        new = {"recognised_on": day, "level": level, "decision_reference": reference, "applied": bool(applied)}
        if all(getattr(initiative, name) == value for name, value in new.items()):
            return initiative
        why = "Ghi nhận sáng kiến được công nhận" if initiative.recognised_on is None else "Sửa thông tin công nhận"
        for name, value in new.items():
            setattr(initiative, name, value)
        initiative.recognised_by = actor
        _touch(initiative, actor=actor, why=why)
    return initiative


def initiative_recognition_withdraw(
    *,
    initiative: Initiative,
    actor: AbstractBaseUser,
    reason: str,
    based_on: int | None = None,
    seen_at: datetime | None = None,
) -> Initiative:
    """The secretariat withdraws a recognition recorded by mistake, saying why; the initiative is again editable by
    its unit and no longer counts for awards. Its history keeps the recognition that was and the reason."""
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
        version_check(
            current=initiative.version,
            based_on=based_on,
            changes=lambda: initiative_changes_since(initiative, seen_at),
        )
        if not can_recognise_initiative.test(actor, initiative):
            raise InitiativeError("Chỉ Thường trực thi đua ghi nhận việc công nhận sáng kiến.")
        if initiative.recognised_on is None:
            raise InitiativeError("Sáng kiến chưa được ghi nhận công nhận.")
        try:
            why = text_clean(reason, max_length=REASON_MAX, label="Lý do").strip()
        except TextInvalid as exc:
            raise InitiativeInvalid({"reason": str(exc)}) from None
        if not why:
            raise InitiativeInvalid({"reason": "Cần ghi lý do bỏ ghi nhận công nhận."})
        initiative.recognised_on, initiative.level, initiative.decision_reference = None, "", ""
        initiative.applied, initiative.recognised_by = False, None
        _touch(initiative, actor=actor, why=f"Bỏ ghi nhận công nhận. Lý do: {why}")
    return initiative
