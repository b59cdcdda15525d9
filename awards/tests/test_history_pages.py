"""The award history pages as people use them: an official's page, a unit's page, entering an award by hand, and
one's own page from the menu. (The search and its export: test_history_search.py; the import: test_history_import.)"""

from datetime import date

from django.urls import reverse

from awards.history import selectors
from awards.history.models import Award
from awards.tests.history_support import record, revoke


def page(client, user, name: str, **kwargs) -> str:
    client.force_login(user)
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    return response.content.decode()


# --- An official's page ---------------------------------------------------------------------------------------


def test_an_official_reads_their_awards_with_decisions_in_vietnamese_dates(client, sam, olga):
    record(sam, official=olga.official)
    html = page(client, olga, "awards:history-official", pk=olga.official.pk)
    assert "Khen thưởng của Olga Nguyễn" in html and f"Mã cán bộ <strong>{olga.official.pk}</strong>" in html
    assert "Lao động tiên tiến" in html and "214/QĐ-UBND" in html and "ngày 15/12/2025" in html
    assert "01/01/2025 – 31/12/2025" in html and "Nhập tay" in html
    assert "Thêm khen thưởng" not in html, "only the secretariat and the admin enter awards"


def test_a_revoked_award_stays_on_the_page_marked_with_the_revoking_decision(client, sam, olga, chris, ward):
    award = record(sam, official=olga.official)
    revoke(award, issuer_unit=ward.root, signer=chris, number=7, on=date(2026, 2, 10))
    html = page(client, olga, "awards:history-official", pk=olga.official.pk)
    assert "Đã thu hồi" in html and "theo quyết định 7/QĐ-UBND ngày 10/02/2026" in html
    assert "Lao động tiên tiến" in html


def test_the_position_and_unit_at_award_time_show_when_they_have_changed(client, sam, olga, ward):
    record(sam, official=olga.official)
    html = page(client, sam, "awards:history-official", pk=olga.official.pk)
    assert "Khi được khen" not in html
    official = olga.official
    official.unit = ward.units["KTHTDT"]
    official.save()
    html = page(client, sam, "awards:history-official", pk=official.pk)
    assert f"Khi được khen: Công chức, {ward.units['VP'].name}" in html


def test_the_secretariat_reaches_the_entry_form_from_the_page(client, sam, olga):
    html = page(client, sam, "awards:history-official", pk=olga.official.pk)
    assert reverse("awards:history-add-official", kwargs={"pk": olga.official.pk}) in html


def test_an_officials_page_takes_the_same_queries_with_one_award_or_twenty(
    client, sam, olga, django_assert_num_queries
):
    record(sam, official=olga.official)
    client.force_login(sam)
    url = reverse("awards:history-official", kwargs={"pk": olga.official.pk})
    client.get(url)
    with django_assert_num_queries(8) as one:
        client.get(url)
    for n in range(1, 20):
        record(sam, official=olga.official, decision_number=f"{n}/QĐ-UBND", decision_date=date(2025, 12, 1))
    with django_assert_num_queries(len(one.captured_queries)):
        assert client.get(url).content.decode().count("<tr") == 21


# --- A unit's page ----------------------------------------------------------------------------------------------


def test_a_unit_head_reads_the_units_collective_awards_its_officials_and_their_counts(client, sam, alice, olga, ward):
    vp = ward.units["VP"]
    record(sam, unit=vp, title="Giấy khen của Chủ tịch UBND phường", decision_number="216/QĐ-UBND")
    record(sam, official=olga.official)
    record(sam, official=olga.official, title="Giấy khen của Chủ tịch UBND phường", decision_number="215/QĐ-UBND")
    html = page(client, alice, "awards:history-unit", code="VP")
    assert "Khen thưởng tập thể (1)" in html and "216/QĐ-UBND" in html
    assert "Khen thưởng cá nhân của cán bộ đơn vị (2)" in html
    assert reverse("awards:history-official", kwargs={"pk": olga.official.pk}) in html
    counts = {o.full_name: o.award_count for o in selectors.unit_officials_counted(vp)}
    assert counts == {"Alice Nguyễn": 0, "Olga Nguyễn": 2}


def test_a_revoked_award_is_not_counted_for_the_official(sam, olga, chris, ward):
    revoke(record(sam, official=olga.official), issuer_unit=ward.root, signer=chris)
    assert {o.full_name: o.award_count for o in selectors.unit_officials_counted(ward.units["VP"])}["Olga Nguyễn"] == 0


def test_a_unit_page_lists_the_latest_officials_awards_and_links_to_the_rest(client, sam, olga, monkeypatch):
    monkeypatch.setattr(selectors, "UNIT_PAGE_LIMIT", 3)
    for n in range(1, 6):
        record(sam, official=olga.official, decision_number=f"{n}/QĐ-UBND", decision_date=date(2025, 12, n))
    html = page(client, sam, "awards:history-unit", code="VP")
    assert "Xem tất cả 5 khen thưởng cá nhân" in html
    assert "5/QĐ-UBND" in html and "1/QĐ-UBND" not in html, "the newest three"


def test_a_unit_page_takes_the_same_queries_whatever_it_lists(
    client, sam, olga, alice, ward, django_assert_num_queries
):
    record(sam, unit=ward.units["VP"])
    client.force_login(alice)
    url = reverse("awards:history-unit", kwargs={"code": "VP"})
    client.get(url)
    with django_assert_num_queries(11) as few:
        client.get(url)
    for n in range(1, 15):
        record(sam, official=olga.official, decision_number=f"{n}/QĐ-UBND")
        record(sam, official=alice.official, decision_number=f"{n}/QĐ-UBND")
        record(sam, unit=ward.units["VP"], decision_number=f"{n}/QĐ-UBND")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


# --- Entering an award by hand ------------------------------------------------------------------------------------


FORM = {
    "year": "2024",
    "title": "Giấy khen của Chủ tịch UBND phường",
    "decision_number": "120/qđ-ubnd",
    "decision_date": "20/12/2024",
    "issuer": "Chủ tịch UBND phường Nam Gia Nghĩa",
    "period_start": "01/01/2024",
    "period_end": "31/12/2024",
}


def test_the_secretariat_enters_an_award_and_finds_it_on_the_page(client, sam, olga):
    client.force_login(sam)
    url = reverse("awards:history-add-official", kwargs={"pk": olga.official.pk})
    form = client.get(url).content.decode()
    assert "Olga Nguyễn</strong> — Công chức" in form and 'placeholder="dd/mm/yyyy"' in form
    response = client.post(url, FORM, follow=True)
    assert response.redirect_chain[-1][0] == reverse("awards:history-official", kwargs={"pk": olga.official.pk})
    html = response.content.decode()
    assert "Đã lưu: Giấy khen của Chủ tịch UBND phường, quyết định 120/QĐ-UBND ngày 20/12/2024." in html
    award = Award.objects.get()
    assert (award.official, award.source, award.entered_by) == (olga.official, "manual", sam)


def test_a_collective_award_is_entered_from_the_units_page(client, sam, ward):
    client.force_login(sam)
    response = client.post(reverse("awards:history-add-unit", kwargs={"code": "TTPVHCC"}), FORM)
    assert response.status_code == 302
    assert Award.objects.get().unit == ward.units["TTPVHCC"]


def test_a_refused_entry_shows_each_error_beside_its_field_and_keeps_what_was_typed(client, sam, olga):
    client.force_login(sam)
    url = reverse("awards:history-add-official", kwargs={"pk": olga.official.pk})
    response = client.post(url, FORM | {"decision_date": "20/12/2099", "period_end": "", "title": "Giấy khen x"})
    html = response.content.decode()
    assert response.status_code == 200 and not Award.objects.exists()
    assert "Chưa lưu: xem các ô ghi lỗi bên dưới." in html
    assert 'id="id_decision_date-error">Ngày quyết định 20/12/2099 chưa tới' in html
    assert 'id="id_period_end-error">Ghi cả ngày bắt đầu' in html
    assert 'value="Giấy khen x"' in html and 'aria-invalid="true"' in html


def test_entering_an_award_twice_says_which_award_it_repeats(client, sam, olga):
    client.force_login(sam)
    url = reverse("awards:history-add-official", kwargs={"pk": olga.official.pk})
    client.post(url, FORM)
    html = client.post(url, FORM | {"decision_number": "120/QĐ-UBND"}).content.decode()
    assert "Cán bộ này đã có “Giấy khen của Chủ tịch UBND phường” theo quyết định 120/QĐ-UBND ngày 20/12/2024" in html
    assert Award.objects.count() == 1


def test_the_entry_form_suggests_titles_already_entered_then_the_usual_ones(client, sam, olga):
    record(sam, official=olga.official, title="Chiến sĩ thi đua cơ sở")
    client.force_login(sam)
    html = client.get(reverse("awards:history-add-official", kwargs={"pk": olga.official.pk})).content.decode()
    assert html.index('value="Chiến sĩ thi đua cơ sở"') < html.index('value="Lao động tiên tiến"')
    assert html.count('value="Chiến sĩ thi đua cơ sở"') == 1


def test_a_unit_code_is_matched_whole_never_cut_to_its_length(client, sam, ward):
    from units.tests.factories import UnitFactory

    UnitFactory(code="T" * 20, parent=ward.root)
    client.force_login(sam)
    assert client.get(reverse("awards:history-unit", kwargs={"code": "T" * 20})).status_code == 200
    assert client.get(reverse("awards:history-unit", kwargs={"code": "T" * 21})).status_code == 404
