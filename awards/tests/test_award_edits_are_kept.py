"""No save of a dossier's records silently replaces another: two people open the same page, the first saves, the
second's save is refused with what changed, their typing kept, the first's values intact and nothing half-saved.
A version sent back that is not a small number (letters, huge, negative) is never current: refused the same way."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from awards.dossiers.models import AchievementReport, Nominee, UnitMinutes
from emulation.tests.conftest import form_of

pytestmark = pytest.mark.django_db

STALE = "Đã có người khác thay đổi nội dung này sau khi bạn mở trang; chưa lưu gì."
GARBAGE = ["abc", "99999999999999999999", "-1", "１", "1e3", "2.0", "0x1"]


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _browser(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


# ---------------------------------------------------------------- achievement reports


def test_a_report_saved_meanwhile_refuses_the_second_save_and_keeps_both_texts(built, alice, olga):
    nominee = built[1][1]
    url = reverse("awards:report-edit", kwargs={"pk": nominee.pk})
    first, second = _browser(olga), _browser(alice)
    mine, theirs = form_of(first.get(url).content.decode()), form_of(second.get(url).content.decode())
    saved = first.post(url, mine | {"achievements": "Bản của Olga.", "hometown": "Gia Nghĩa"})
    assert saved.status_code == 302
    before = AchievementReport.objects.get(nominee=nominee)

    refused = second.post(url, theirs | {"achievements": "Bản của thủ trưởng.", "situation": "Tình hình mới."})
    assert refused.status_code == 409
    text = _text(refused)
    assert STALE in text and "Báo cáo đã được người khác sửa sau khi bạn mở trang" in text
    assert "Thành tích đạt được" in text and "Bản của Olga." in text  # what changed, old → new
    page = refused.content.decode()
    assert "Bản của thủ trưởng." in page and "Tình hình mới." in page  # what was typed stays in the boxes
    after = AchievementReport.objects.get(nominee=nominee)
    assert (after.achievements, after.situation, after.hometown) == ("Bản của Olga.", before.situation, "Gia Nghĩa")
    assert after.version == before.version and after.confirmed_at == before.confirmed_at

    # Saved again from the refused page (it now carries the current version): the second person's text wins.
    assert second.post(url, form_of(page)).status_code == 302
    assert AchievementReport.objects.get(nominee=nominee).achievements == "Bản của thủ trưởng."


@pytest.mark.parametrize("version", GARBAGE)
def test_a_report_save_with_a_garbage_version_is_refused_and_changes_nothing(client, built, alice, version):
    nominee = built[1][0]
    before = AchievementReport.objects.get(nominee=nominee)
    client.force_login(alice)
    url = reverse("awards:report-edit", kwargs={"pk": nominee.pk})
    refused = client.post(url, {"achievements": "Ghi đè.", "version": version})
    assert refused.status_code == 409 and STALE in _text(refused)
    after = AchievementReport.objects.get(nominee=nominee)
    assert (after.achievements, after.version, after.confirmed_at) == (
        before.achievements,
        before.version,
        before.confirmed_at,
    )


# ---------------------------------------------------------------- unit council minutes


def _minutes_form(browser, dossier) -> dict:
    return form_of(browser.get(reverse("awards:minutes-edit", kwargs={"pk": dossier.pk})).content.decode())


def test_minutes_saved_meanwhile_refuse_the_second_save_and_keep_the_first(built, alice):
    dossier, nominees = built
    url = reverse("awards:minutes-edit", kwargs={"pk": dossier.pk})
    first, second = _browser(alice), _browser(alice)
    mine, theirs = _minutes_form(first, dossier), _minutes_form(second, dossier)
    yes = f"yes-{nominees[1].pk}"
    assert (
        first.post(url, mine | {"place": "Hội trường UBND phường", yes: "5", "secret_ballot": "on"}).status_code == 302
    )
    stored = UnitMinutes.objects.get(dossier=dossier)
    votes = {n.pk: (n.unit_yes, n.unit_no) for n in Nominee.objects.filter(dossier=dossier)}

    refused = second.post(
        url, theirs | {"place": "Phòng họp số 2", "members_total": "9", "members_present": "8", yes: "7"}
    )
    assert refused.status_code == 409
    text = _text(refused)
    assert STALE in text and "Biên bản đã được người khác sửa sau khi bạn mở trang" in text
    assert "Địa điểm" in text and "Phòng họp Văn phòng" in text and "Hội trường UBND phường" in text
    assert f"{nominees[1].name} · phiếu đồng ý" in text
    page = refused.content.decode()
    assert (
        'value="Phòng họp số 2"' in page
        and 'value="9"' in page
        and f'name="{yes}" inputmode="numeric" value="7"' in page
    )
    again = UnitMinutes.objects.get(dossier=dossier)
    assert (again.place, again.members_total, again.version) == ("Hội trường UBND phường", 7, stored.version)
    assert {n.pk: (n.unit_yes, n.unit_no) for n in Nominee.objects.filter(dossier=dossier)} == votes

    # From the refused page (now on the current version) the second person's minutes are saved, all of them.
    assert second.post(url, form_of(page) | {"secret_ballot": "on"}).status_code == 302
    assert UnitMinutes.objects.get(dossier=dossier).members_total == 9
    assert Nominee.objects.get(pk=nominees[1].pk).unit_yes == 7


def test_two_first_minutes_of_a_dossier_the_second_is_refused(client, campaign, giay_khen, alice):
    from awards.dossiers import services

    dossier = services.dossier_open(campaign=campaign, unit=alice.official.unit, award_form=giay_khen, actor=alice)
    nominee = services.nominee_add(dossier=dossier, actor=alice)
    url = reverse("awards:minutes-edit", kwargs={"pk": dossier.pk})
    first, second = _browser(alice), _browser(alice)
    mine, theirs = _minutes_form(first, dossier), _minutes_form(second, dossier)
    assert mine["version"] == theirs["version"] == "0"
    typed = {"held_on": "10/11/2026", "members_total": "7", "members_present": "6", "chair_name": "A"}
    typed |= {"secretary_name": "B", f"yes-{nominee.pk}": "6", f"no-{nominee.pk}": "0"}
    assert first.post(url, mine | typed | {"place": "Phòng họp A"}).status_code == 302
    refused = second.post(url, theirs | typed | {"place": "Phòng họp B"})
    assert refused.status_code == 409 and "Phòng họp A" in _text(refused)
    assert UnitMinutes.objects.get(dossier=dossier).place == "Phòng họp A"


@pytest.mark.parametrize("version", GARBAGE)
def test_minutes_with_a_garbage_version_are_refused_and_change_nothing(client, built, alice, version):
    dossier, nominees = built
    client.force_login(alice)
    url = reverse("awards:minutes-edit", kwargs={"pk": dossier.pk})
    form = _minutes_form(client, dossier) | {"version": version, "place": "Ghi đè", f"yes-{nominees[0].pk}": "1"}
    refused = client.post(url, form)
    assert refused.status_code == 409 and STALE in _text(refused)
    assert UnitMinutes.objects.get(dossier=dossier).place == "Phòng họp Văn phòng"
    assert Nominee.objects.get(pk=nominees[0].pk).unit_yes == 6


# ---------------------------------------------------------------- the dossier's page (discipline attestations)


def _shown(browser, dossier) -> dict:
    page = browser.get(reverse("awards:dossier-detail", kwargs={"pk": dossier.pk})).content.decode()
    return {
        "version": re.search(r'name="version" value="(\d+)"', page)[1],
        "seen_at": re.search(r'name="seen_at" value="([^"]+)"', page)[1],
    }


def test_an_attestation_based_on_an_older_dossier_is_refused_and_keeps_what_was_typed(built, alice):
    dossier, nominees = built
    olga = nominees[1]
    url = reverse("awards:nominee-discipline", kwargs={"pk": olga.pk})
    first, second = _browser(alice), _browser(alice)
    mine, theirs = _shown(first, dossier), _shown(second, dossier)
    attested = mine | {"discipline": "disciplined", "discipline_until": "01/03/2026", "discipline_note": "Khiển trách"}
    assert first.post(url, attested).status_code == 302
    before = Nominee.objects.get(pk=olga.pk)

    refused = second.post(url, theirs | {"discipline": "clear", "discipline_note": "Không có gì"})
    assert refused.status_code == 409
    text = _text(refused)
    assert STALE in text and f"Xác nhận kỷ luật: {olga.name}" in text
    page = refused.content.decode()
    assert 'value="Không có gì"' in page and '<option value="clear" selected>' in page
    after = Nominee.objects.get(pk=olga.pk)
    assert (after.discipline, after.discipline_note, after.discipline_until) == (
        "disciplined",
        "Khiển trách",
        before.discipline_until,
    )
    assert after.discipline_attested_at == before.discipline_attested_at

    again = re.search(r'name="version" value="(\d+)"', page)  # the refused page shows the current version
    assert again[1] == str(dossier.__class__.objects.get(pk=dossier.pk).version)
    assert second.post(url, {"version": again[1], "discipline": "clear"}).status_code == 302
    assert Nominee.objects.get(pk=olga.pk).discipline == "clear"


@pytest.mark.parametrize("version", GARBAGE)
def test_an_attestation_with_a_garbage_version_is_refused_and_changes_nothing(client, built, alice, version):
    dossier, nominees = built
    client.force_login(alice)
    url = reverse("awards:nominee-discipline", kwargs={"pk": nominees[1].pk})
    refused = client.post(url, {"version": version, "discipline": "complaint", "discipline_note": "Ghi đè"})
    assert refused.status_code == 409 and STALE in _text(refused)
    assert Nominee.objects.get(pk=nominees[1].pk).discipline == "clear"
    assert dossier.__class__.objects.get(pk=dossier.pk).version == dossier.version
