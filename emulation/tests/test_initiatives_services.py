"""Initiative services: registering (authors of the unit only, files by content, texts cleaned), editing under a
version, the secretariat's recognition and its withdrawal; every refusal writes nothing, not even a file."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.versions import StaleVersion
from emulation.initiatives import services
from emulation.initiatives.models import Initiative, InitiativeFile
from units.tests.factories import OfficialFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXE = b"MZ\x90\x00" + b"\x00" * 100
TEXTS = {"problem": "Người dân chờ lâu.", "solution": "Hẹn giờ trực tuyến."}


def _register(campaign, user, title="Hẹn giờ nộp hồ sơ trực tuyến", **kwargs):
    kwargs = {**TEXTS, **kwargs}
    return services.initiative_register(campaign=campaign, unit=user.official.unit, actor=user, title=title, **kwargs)


def _media(settings) -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _edit(initiative, actor, **changes):
    fields = {name: getattr(initiative, name) for name in ("title", "problem", "solution", "scope", "benefits")}
    fields["authors"] = [a.pk for a in initiative.authors.all()]
    return services.initiative_update(initiative=initiative, actor=actor, **(fields | changes))


def _recognise(initiative, actor, **changes):
    values = {
        "recognised_on": date(2026, 3, 1),
        "level": "ward",
        "decision_reference": "QĐ 45/QĐ-UBND",
        "applied": True,
    }
    return services.initiative_recognise(initiative=initiative, actor=actor, **(values | changes))


def test_an_official_is_the_author_by_default_and_the_registration_is_one_version(campaign, olga):
    initiative = _register(campaign, olga)
    assert list(initiative.authors.all()) == [olga.official]
    assert initiative.unit == olga.official.unit and initiative.registered_by == olga and initiative.version == 1
    [record] = Initiative.history.filter(id=initiative.pk)
    assert record.history_type == "+" and record.history_user == olga
    assert [row.official_id for row in record.authors.all()] == [olga.official.pk]  # authors kept with the version


def test_a_unit_head_names_the_authors_and_need_not_be_one(campaign, alice, olga):
    initiative = _register(campaign, alice, authors=[olga.official.pk])
    assert list(initiative.authors.all()) == [olga.official]


def test_an_author_of_another_unit_or_no_longer_working_is_refused(campaign, olga, bob):
    gone = OfficialFactory(unit=olga.official.unit, is_active=False)
    for authors in ([bob.official.pk], [olga.official.pk, gone.pk], ["12abc"], []):
        with pytest.raises(services.InitiativeInvalid) as refused:
            _register(campaign, olga, authors=authors)
        assert "authors" in refused.value.errors
    assert not Initiative.objects.exists()


def test_one_registers_only_for_ones_own_taking_part_unit_of_a_running_campaign(campaign, olga, bob, chris):
    with pytest.raises(services.InitiativeError, match="Chỉ cán bộ, công chức và thủ trưởng của đơn vị"):
        services.initiative_register(
            campaign=campaign, unit=bob.official.unit, actor=olga, title="x", authors=[bob.official.pk], **TEXTS
        )
    with pytest.raises(services.InitiativeError, match="không tham gia phong trào"):
        _register(campaign, chris, authors=[chris.official.pk])  # the ward's own record: not a taking-part unit
    campaign.is_active = False
    campaign.save()
    with pytest.raises(services.InitiativeError, match="không còn triển khai"):
        _register(campaign, olga)
    assert not Initiative.objects.exists()


def test_texts_are_stored_nfc_without_hidden_characters_and_the_title_on_one_line(campaign, olga):
    decomposed = "Sa\u0301ng kie\u0302\u0301n\u202e\u200b"
    initiative = _register(campaign, olga, title=f"  {decomposed}\nhai   dòng ", problem="a\r\nb\x00")
    assert initiative.title == "Sáng kiến hai dòng"
    assert initiative.problem == "a\nb"


def test_every_problem_is_reported_at_once_and_nothing_is_written(campaign, olga, bob, settings):
    with pytest.raises(services.InitiativeInvalid) as refused:
        _register(
            campaign,
            olga,
            title="t" * 301,
            solution="",
            authors=[bob.official.pk],
            uploads=[SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", EXE)],
        )
    assert set(refused.value.errors) == {"title", "solution", "authors", "files"}
    assert "vượt giới hạn 300 ký tự" in refused.value.errors["title"]
    assert not Initiative.objects.exists() and not InitiativeFile.objects.exists() and _media(settings) == []


def test_files_are_checked_by_content_and_stored_under_a_random_name(campaign, olga, settings):
    initiative = _register(campaign, olga, uploads=[SimpleUploadedFile("Thuyết minh.PDF", PDF)])
    [file] = initiative.files.all()
    assert (file.original_name, file.content_type, file.size) == ("Thuyết minh.PDF", "application/pdf", len(PDF))
    assert file.file.name.startswith(f"initiatives/{campaign.code}/{initiative.pk}/") and file.file.name.endswith(
        ".pdf"
    )
    assert "Thuyết" not in file.file.name and _media(settings) == [file.file.name]
    with pytest.raises(services.InitiativeInvalid, match="vượt quá 10 MB"):
        _register(campaign, olga, title="Khác", uploads=[SimpleUploadedFile("lon.pdf", PDF + b"0" * 10 * 1024**2)])


def test_a_write_that_fails_after_storing_its_files_leaves_none_behind(campaign, olga, settings, monkeypatch):
    """Fails if the services stop removing what they stored when their transaction does not commit."""

    def broken(*args, **kwargs):
        raise IntegrityError("disk or database gave way")

    monkeypatch.setattr(services, "_touch", broken)
    with pytest.raises(IntegrityError):
        _register(campaign, olga, uploads=[SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF)])
    assert _media(settings) == [] and not Initiative.objects.exists()


def test_the_same_title_twice_in_a_unit_is_refused(campaign, olga, alice):
    _register(campaign, olga, title="Nhắc hẹn qua tin nhắn")
    with pytest.raises(services.InitiativeInvalid, match="đã đăng ký sáng kiến"):
        _register(campaign, alice, title="nhắc hẹn qua tin nhắn", authors=[olga.official.pk])


def test_an_edit_changes_texts_authors_and_files_in_one_version(
    campaign, olga, alice, settings, django_capture_on_commit_callbacks
):
    initiative = _register(campaign, olga, uploads=[SimpleUploadedFile("cu.pdf", PDF)])
    old = initiative.files.get()
    with django_capture_on_commit_callbacks(execute=True):
        _edit(
            initiative,
            alice,
            title="Tên mới",
            authors=[olga.official.pk, alice.official.pk],
            uploads=[SimpleUploadedFile("moi.pdf", PDF)],
            remove_files=[str(old.pk)],
            based_on=1,
        )
    initiative.refresh_from_db()
    assert initiative.title == "Tên mới" and initiative.version == 2
    assert set(initiative.authors.all()) == {olga.official, alice.official}
    assert [f.original_name for f in initiative.files.all()] == ["moi.pdf"]
    assert _media(settings) == [initiative.files.get().file.name]  # the removed file left the media folder
    latest = Initiative.history.filter(id=initiative.pk).latest()
    assert latest.history_user == alice
    assert latest.history_change_reason == "Sửa sáng kiến; đính kèm “moi.pdf”; xóa tệp “cu.pdf”"
    assert Initiative.history.filter(id=initiative.pk).count() == 2


def test_an_edit_that_changes_nothing_makes_no_version(campaign, olga):
    initiative = _register(campaign, olga)
    _edit(initiative, olga, based_on=1)
    initiative.refresh_from_db()
    assert initiative.version == 1 and Initiative.history.filter(id=initiative.pk).count() == 1


def test_a_stale_edit_is_refused_with_the_changes_listed(campaign, olga, alice):
    initiative = _register(campaign, olga)
    seen_at = timezone.now()
    _edit(initiative, alice, title="Tên của Alice", based_on=1)
    with pytest.raises(StaleVersion) as stale:
        _edit(initiative, olga, title="Tên của Olga", based_on=1, seen_at=seen_at)
    [change] = stale.value.changes
    assert change["user"] == alice
    assert change["changes"] == [
        {"what": "Tên sáng kiến", "old": "Hẹn giờ nộp hồ sơ trực tuyến", "new": "Tên của Alice"}
    ]
    initiative.refresh_from_db()
    assert initiative.title == "Tên của Alice" and initiative.version == 2


def test_only_the_registrant_or_the_units_head_edits_and_only_until_recognised(campaign, olga, alice, bob, sam):
    initiative = _register(campaign, olga)
    for outsider in (bob, sam):
        with pytest.raises(services.InitiativeError, match="Chỉ người đăng ký hoặc thủ trưởng"):
            _edit(initiative, outsider, title="Không được")
    _recognise(initiative, sam)
    for insider in (olga, alice):
        with pytest.raises(services.InitiativeError, match="đã được công nhận"):
            _edit(initiative, insider, title="Sau công nhận")
    initiative.refresh_from_db()
    assert initiative.title == "Hẹn giờ nộp hồ sơ trực tuyến"


def test_the_secretariat_records_and_changes_the_recognition(campaign, olga, sam):
    initiative = _register(campaign, olga)
    _recognise(initiative, sam, recognised_on="15/03/2026", level="ward", applied=False)
    initiative.refresh_from_db()
    assert (initiative.recognised_on, initiative.level, initiative.applied) == (date(2026, 3, 15), "ward", False)
    assert initiative.recognised_by == sam and initiative.is_recognised and not initiative.counts_for_awards
    _recognise(initiative, sam, recognised_on="2026-03-15", level="province", applied=True, based_on=2)
    initiative.refresh_from_db()
    assert initiative.level == "province" and initiative.counts_for_awards and initiative.version == 3
    reasons = list(
        Initiative.history.filter(id=initiative.pk)
        .order_by("history_date")
        .values_list("history_change_reason", flat=True)
    )
    assert reasons[1:] == ["Ghi nhận sáng kiến được công nhận", "Sửa thông tin công nhận"]


def test_only_the_secretariat_recognises(campaign, olga, alice, chris, ada):
    initiative = _register(campaign, olga)
    for person in (olga, alice, chris, ada):
        with pytest.raises(services.InitiativeError, match="Chỉ Thường trực thi đua"):
            _recognise(initiative, person)
    initiative.refresh_from_db()
    assert initiative.recognised_on is None and initiative.version == 1


def test_a_recognition_may_be_dated_today_but_not_tomorrow(campaign, olga, sam):
    initiative = _register(campaign, olga)
    today = timezone.localdate()
    with pytest.raises(services.InitiativeInvalid, match="không được sau hôm nay"):
        _recognise(initiative, sam, recognised_on=today + timedelta(days=1))
    _recognise(initiative, sam, recognised_on=f"{today:%d/%m/%Y}")
    initiative.refresh_from_db()
    assert initiative.recognised_on == today


def test_a_withdrawn_recognition_needs_a_reason_and_makes_the_initiative_editable_again(campaign, olga, sam):
    initiative = _register(campaign, olga)
    _recognise(initiative, sam)
    with pytest.raises(services.InitiativeInvalid, match="Cần ghi lý do"):
        services.initiative_recognition_withdraw(initiative=initiative, actor=sam, reason="  ")
    services.initiative_recognition_withdraw(initiative=initiative, actor=sam, reason="Ghi nhầm sáng kiến.")
    initiative.refresh_from_db()
    assert (initiative.recognised_on, initiative.level, initiative.applied, initiative.decision_reference) == (
        None,
        "",
        False,
        "",
    )
    _edit(initiative, olga, title="Sửa lại được")
    why = Initiative.history.filter(id=initiative.pk).order_by("-history_date")[1].history_change_reason
    assert why == "Bỏ ghi nhận công nhận. Lý do: Ghi nhầm sáng kiến."


def test_the_database_holds_the_same_rules(campaign, olga):
    """What the services refuse, the tables refuse too (on SQLite as on PostgreSQL)."""
    initiative = _register(campaign, olga)
    rows = Initiative.objects.filter(pk=initiative.pk)
    for bad in (
        {"applied": True},  # applied but not recognised
        {"recognised_on": date(2026, 3, 1)},  # recognised without a level
        {"recognised_on": date(2026, 3, 1), "level": "national"},
        {"benefits": "x" * 5001},
        {"decision_reference": "Q"},  # a reference without a recognition
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            rows.update(**bad)


def test_the_history_names_who_changed_what_authors_included(campaign, olga, alice, sam):
    from emulation.initiatives.selectors import initiative_history

    initiative = _register(campaign, olga)
    _edit(initiative, alice, authors=[olga.official.pk, alice.official.pk], benefits="Giảm 30% thời gian.")
    _recognise(initiative, sam, recognised_on=date(2026, 3, 1), level="unit", applied=True)
    recognised, edited, registered = initiative_history(initiative)
    assert registered["why"] == "Đăng ký sáng kiến" and registered["user"] == olga and registered["changes"] == []
    assert (
        edited["user"] == alice
        and {"what": "Tác giả", "old": "Olga Nguyễn", "new": "Alice Nguyễn, Olga Nguyễn"} in (edited["changes"])
    )
    assert {"what": "Hiệu quả, lợi ích", "old": "", "new": "Giảm 30% thời gian."} in edited["changes"]
    assert {"what": "Ngày công nhận", "old": "", "new": "01/03/2026"} in recognised["changes"]
    assert {"what": "Cấp công nhận", "old": "", "new": "Cấp đơn vị"} in recognised["changes"]


def test_an_author_who_left_the_unit_stays_through_an_edit_but_cannot_be_added_again(campaign, olga, alice, ward):
    """Fails if an edit of the texts forces dropping an author who has since moved (or lets one be added back)."""
    initiative = _register(campaign, alice, authors=[olga.official.pk, alice.official.pk])
    olga.official.unit = ward.units["KTHTDT"]
    olga.official.save()
    _edit(initiative, alice, title="Tên mới")
    initiative.refresh_from_db()
    assert initiative.title == "Tên mới" and set(initiative.authors.all()) == {olga.official, alice.official}
    _edit(initiative, alice, authors=[alice.official.pk])
    with pytest.raises(services.InitiativeInvalid, match="đang công tác tại"):
        _edit(initiative, alice, authors=[alice.official.pk, olga.official.pk])
