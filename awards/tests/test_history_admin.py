"""Awards in the admin: the portal's own are only shown; those entered by hand or import may be corrected by the
entry's rules, or deleted when entered by mistake (never once revoked); none is added there."""

import pytest
from django.urls import reverse

from awards.history.models import Award
from awards.tests.history_support import record, revoke


def change_url(award) -> str:
    return reverse("admin:awards_award_change", args=[award.pk])


def form(award, **changes) -> dict:
    data = {
        "name": award.name,
        "position": award.position,
        "unit_name": award.unit_name,
        "year": str(award.year),
        "title": award.title,
        "decision_number": award.decision_number,
        "decision_date": f"{award.decision_date:%d/%m/%Y}",
        "issuer": award.issuer,
        "period_start": "",
        "period_end": "",
    }
    return data | changes


@pytest.fixture
def manual(sam, olga) -> Award:
    return record(sam, official=olga.official, period_start=None, period_end=None)


def test_the_admin_corrects_an_award_entered_by_hand(client, ada, manual):
    client.force_login(ada)
    response = client.post(
        change_url(manual),
        form(manual, position="Phó Chánh Văn phòng", title="Lao  động tiên tiến", decision_number="214/qđ-ubnd"),
    )
    assert response.status_code == 302
    manual.refresh_from_db()
    assert (manual.position, manual.title, manual.decision_number) == (
        "Phó Chánh Văn phòng",
        "Lao động tiên tiến",
        "214/QĐ-UBND",
    )


def test_a_correction_is_held_to_the_entrys_rules(client, ada, manual):
    client.force_login(ada)
    html = client.post(change_url(manual), form(manual, decision_date="01/01/2099")).content.decode()
    assert "chưa tới: không nhập quyết định tương lai" in html
    html = client.post(change_url(manual), form(manual, period_start="01/01/2025")).content.decode()
    assert "Ghi cả ngày bắt đầu và ngày kết thúc" in html
    manual.refresh_from_db()
    assert manual.decision_date.year == 2025 and manual.period_start is None


def test_a_correction_may_not_make_a_duplicate(client, ada, sam, olga, manual):
    other = record(sam, official=olga.official, decision_number="215/QĐ-UBND")
    client.force_login(ada)
    html = client.post(change_url(other), form(other, decision_number="214/QĐ-UBND")).content.decode()
    assert "mỗi thành tích chỉ khen một lần" in html
    other.refresh_from_db()
    assert other.decision_number == "215/QĐ-UBND"


def test_the_portals_awards_are_shown_but_not_changed_or_deleted(client, ada, manual):
    Award.objects.filter(pk=manual.pk).update(source=Award.Source.PORTAL)
    client.force_login(ada)
    page = client.get(change_url(manual)).content.decode()
    assert 'name="title"' not in page and "Lao động tiên tiến" in page
    assert client.post(change_url(manual), form(manual, title="Khác")).status_code == 403
    assert client.post(reverse("admin:awards_award_delete", args=[manual.pk]), {"post": "yes"}).status_code == 403
    assert Award.objects.get(pk=manual.pk).title == "Lao động tiên tiến"


def test_an_award_entered_by_mistake_is_deleted_but_a_revoked_one_never(client, ada, chris, ward, sam, olga, manual):
    client.force_login(ada)
    mistaken = record(sam, official=olga.official, decision_number="999/QĐ-UBND")
    assert client.post(reverse("admin:awards_award_delete", args=[mistaken.pk]), {"post": "yes"}).status_code == 302
    revoke(manual, issuer_unit=ward.root, signer=chris)
    assert client.post(reverse("admin:awards_award_delete", args=[manual.pk]), {"post": "yes"}).status_code == 403
    assert list(Award.objects.all()) == [manual]


def test_no_award_is_added_or_deleted_in_bulk_in_the_admin(client, ada, manual):
    client.force_login(ada)
    assert client.get(reverse("admin:awards_award_add")).status_code == 403
    listing = client.get(reverse("admin:awards_award_changelist"))
    assert "delete_selected" not in listing.content.decode()
    searched = client.get(reverse("admin:awards_award_changelist"), {"q": "olga nguyen"}).content.decode()
    assert "Olga Nguyễn" in searched
