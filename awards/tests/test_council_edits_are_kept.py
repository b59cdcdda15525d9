"""The ward council's sheet and members list: two clerks open the same meeting, the first saves, the second's
save is refused with what changed, their typing kept, the first's values intact and nothing half-saved."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from awards.council.models import CouncilMeeting, CouncilMember, CouncilVote
from awards.tests import council_support as support
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


@pytest.fixture
def sitting(built, alice, sam, campaign):
    """alice's VP dossier (the unit, olga, Hùng) accepted, and the council's meeting open on it."""
    from awards.dossiers import services

    dossier, nominees = built
    services.dossier_transition(dossier=dossier, action="submit", actor=alice)
    services.dossier_transition(dossier=dossier, action="accept", actor=sam)
    return support.meeting(campaign, sam), nominees


def _tallies(meeting) -> dict:
    return {v.nominee_id: (v.yes, v.no, v.passed) for v in CouncilVote.objects.filter(meeting=meeting)}


def test_votes_saved_meanwhile_refuse_the_second_save_and_keep_the_first(sitting, sam):
    meeting, nominees = sitting
    sheet, votes = (
        reverse("awards:council-detail", args=[meeting.pk]),
        reverse("awards:council-votes", args=[meeting.pk]),
    )
    first, second = _browser(sam), _browser(sam)
    mine, theirs = form_of(first.get(sheet).content.decode()), form_of(second.get(sheet).content.decode())
    typed = {f"{side}-{n.pk}": count for n in nominees for side, count in (("yes", "6"), ("no", "2"))}
    assert first.post(votes, mine | typed | {"members_present": "8"}).status_code == 302
    stored = CouncilMeeting.objects.get(pk=meeting.pk)
    tallies = _tallies(meeting)
    assert len(tallies) == 3

    theirs |= {f"yes-{n.pk}": "3" for n in nominees} | {f"no-{n.pk}": "5" for n in nominees}
    refused = second.post(votes, theirs | {"members_present": "7"})
    assert refused.status_code == 409
    text = _text(refused)
    assert STALE in text and "Phiên họp đã được người khác cập nhật sau khi bạn mở trang" in text
    assert f"{nominees[1].name} · phiếu đồng ý" in text and "Số thành viên có mặt" in text
    page = refused.content.decode()
    assert re.search(rf'name="yes-{nominees[1].pk}"[^>]*value="3"', page)
    assert re.search(r'name="members_present"[^>]*value="7"', page)
    again = CouncilMeeting.objects.get(pk=meeting.pk)
    assert (again.members_present, again.version) == (8, stored.version)
    assert _tallies(meeting) == tallies

    # From the refused page (now on the current version) the second clerk's votes are saved, all of them.
    assert second.post(votes, form_of(page)).status_code == 302
    assert {yes for yes, _no, _passed in _tallies(meeting).values()} == {3}
    assert CouncilMeeting.objects.get(pk=meeting.pk).members_present == 7


def _members(count: int, name: str) -> dict:
    rows = {}
    for i in range(count):
        rows |= {f"member-{i}-name": f"{name} {i + 1}", f"member-{i}-role": "Ủy viên", f"member-{i}-present": "on"}
    return rows


def test_a_members_list_saved_meanwhile_refuses_the_second_and_keeps_the_first(sitting, sam):
    meeting, _nominees = sitting
    url = reverse("awards:council-members", args=[meeting.pk])
    first, second = _browser(sam), _browser(sam)
    mine, theirs = form_of(first.get(url).content.decode()), form_of(second.get(url).content.decode())
    assert first.post(url, mine | _members(7, "Thành viên A")).status_code == 302
    version = CouncilMeeting.objects.get(pk=meeting.pk).version

    refused = second.post(url, theirs | _members(8, "Thành viên B"))
    assert refused.status_code == 409
    text = _text(refused)
    assert STALE in text and "Sửa danh sách thành viên" in text
    assert 'value="Thành viên B 8"' in refused.content.decode()
    assert sorted(CouncilMember.objects.filter(meeting=meeting).values_list("name", flat=True)) == [
        f"Thành viên A {i}" for i in range(1, 8)
    ]
    stored = CouncilMeeting.objects.get(pk=meeting.pk)
    assert (stored.members_present, stored.version) == (7, version)

    assert second.post(url, form_of(refused.content.decode()) | _members(8, "Thành viên B")).status_code == 302
    assert CouncilMember.objects.filter(meeting=meeting, name__startswith="Thành viên B").count() == 8


def test_a_members_list_saved_makes_an_open_votes_sheet_stale(sitting, sam):
    meeting, nominees = sitting
    sheet = form_of(_browser(sam).get(reverse("awards:council-detail", args=[meeting.pk])).content.decode())
    members = reverse("awards:council-members", args=[meeting.pk])
    other = _browser(sam)
    assert other.post(members, form_of(other.get(members).content.decode()) | _members(6, "TV")).status_code == 302
    typed = {f"yes-{nominees[0].pk}": "6", f"no-{nominees[0].pk}": "0", "members_present": "9"}
    refused = _browser(sam).post(reverse("awards:council-votes", args=[meeting.pk]), sheet | typed)
    assert refused.status_code == 409 and "Sửa danh sách thành viên" in _text(refused)
    assert not CouncilVote.objects.filter(meeting=meeting).exists()
    assert CouncilMeeting.objects.get(pk=meeting.pk).members_present == 6


@pytest.mark.parametrize("version", GARBAGE)
def test_a_garbage_version_on_the_sheet_or_the_members_is_refused_and_changes_nothing(client, sitting, sam, version):
    meeting, nominees = sitting
    client.force_login(sam)
    votes = {f"yes-{nominees[0].pk}": "6", f"no-{nominees[0].pk}": "0", "members_present": "8", "version": version}
    refused = client.post(reverse("awards:council-votes", args=[meeting.pk]), votes)
    assert refused.status_code == 409 and STALE in _text(refused)
    members = _members(3, "TV") | {"version": version}
    refused = client.post(reverse("awards:council-members", args=[meeting.pk]), members)
    assert refused.status_code == 409 and STALE in _text(refused)
    stored = CouncilMeeting.objects.get(pk=meeting.pk)
    assert (stored.members_present, stored.version) == (None, 0)
    assert not CouncilVote.objects.exists() and not CouncilMember.objects.exists()
