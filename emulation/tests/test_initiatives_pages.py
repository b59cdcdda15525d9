"""Initiative pages as people use them: the scoped list and its filters (bounded queries), registering with a file,
the detail page and its download, an edit refused as stale that keeps what was typed, and the recognition form."""

import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from emulation.initiatives import services
from emulation.initiatives.models import Initiative
from emulation.tests.conftest import form_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _register(campaign, user, title, **kwargs):
    return services.initiative_register(
        campaign=campaign,
        unit=user.official.unit,
        actor=user,
        title=title,
        problem="Vấn đề.",
        solution="Giải pháp.",
        **kwargs,
    )


def _list_url(campaign, query: str = "") -> str:
    return reverse("emulation:initiative-list", kwargs={"code": campaign.code}) + query


@pytest.fixture
def two_units(campaign, olga, bob):
    return {"vp": _register(campaign, olga, "Sáng kiến của Văn phòng"), "kt": _register(campaign, bob, "Sáng kiến KT")}


def test_a_unit_sees_its_own_initiatives_the_secretariat_all(client, campaign, two_units, alice, sam):
    client.force_login(alice)
    text = _text(client.get(_list_url(campaign)))
    assert "Sáng kiến của Văn phòng" in text and "Sáng kiến KT" not in text and "1 sáng kiến" in text
    client.force_login(sam)
    text = _text(client.get(_list_url(campaign)))
    assert "Sáng kiến của Văn phòng" in text and "Sáng kiến KT" in text and "2 sáng kiến" in text


def test_the_list_filters_by_unit_and_recognition(client, campaign, two_units, sam):
    services.initiative_recognise(
        initiative=two_units["kt"],
        actor=sam,
        recognised_on="01/03/2026",
        level="ward",
        decision_reference="QĐ 1",
        applied=True,
    )
    client.force_login(sam)
    assert "Sáng kiến của Văn phòng" not in _text(client.get(_list_url(campaign, "?don-vi=KTHTDT")))
    recognised = _text(client.get(_list_url(campaign, "?cong-nhan=co")))
    assert "Sáng kiến KT" in recognised and "Sáng kiến của Văn phòng" not in recognised
    assert "Đã công nhận Cấp phường, 01/03/2026 Đã áp dụng" in recognised
    waiting = _text(client.get(_list_url(campaign, "?cong-nhan=chua")))
    assert "Sáng kiến của Văn phòng" in waiting and "Sáng kiến KT" not in waiting


def test_the_list_costs_the_same_queries_for_three_initiatives_or_thirty(
    client, campaign, olga, alice, sam, django_assert_max_num_queries
):
    """Fails if the page asks the database once per initiative (its authors, its files, its unit)."""
    authors = [olga.official.pk, alice.official.pk]
    client.force_login(sam)

    def queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            assert client.get(_list_url(campaign)).status_code == 200
        return len(captured)

    for i in range(3):
        _register(campaign, olga, f"Sáng kiến {i}", authors=authors, uploads=[SimpleUploadedFile("a.pdf", PDF)])
    few = queries()
    for i in range(3, 30):
        _register(campaign, olga, f"Sáng kiến {i}", authors=authors)
    with django_assert_max_num_queries(12):
        assert client.get(_list_url(campaign)).status_code == 200
    assert queries() == few


def test_the_list_pages_by_fifty(client, campaign, olga, sam):
    for i in range(51):
        Initiative.objects.create(
            campaign=campaign, unit=olga.official.unit, title=f"SK {i}", problem="p", solution="s", registered_by=olga
        )
    client.force_login(sam)
    first = _text(client.get(_list_url(campaign)))
    assert "51 sáng kiến" in first and "Trang 1/2" in first
    assert "Trang 2/2" in _text(client.get(_list_url(campaign, "?trang=2")))


def test_an_official_registers_with_a_file_and_reads_it_back(client, campaign, olga, alice):
    client.force_login(olga)
    url = reverse("emulation:initiative-register", kwargs={"code": campaign.code})
    form = client.get(url).content.decode()
    assert re.search(rf'value="{olga.official.pk}" id="author-{olga.official.pk}" checked', form)  # herself, ticked
    assert not re.search(rf'value="{alice.official.pk}" id="author-{alice.official.pk}" checked', form)
    response = client.post(
        url,
        {
            "title": "Hẹn giờ nộp hồ sơ qua Zalo",
            "problem": "Người dân chờ lâu.",
            "solution": "Đặt lịch trước.",
            "authors": [olga.official.pk, alice.official.pk],
            "files": [SimpleUploadedFile("Thuyết minh.pdf", PDF)],
        },
        follow=True,
    )
    text = _text(response)
    assert "Đã đăng ký sáng kiến “Hẹn giờ nộp hồ sơ qua Zalo”." in text
    assert "Alice Nguyễn — Chánh Văn phòng" in text and "Thuyết minh.pdf" in text and "Chưa công nhận" in text
    initiative = Initiative.objects.get()
    file = initiative.files.get()
    download = client.get(reverse("emulation:initiative-file", kwargs={"pk": file.pk}))
    assert b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and download["X-Content-Type-Options"] == "nosniff"
    assert "attachment" in download["Content-Disposition"]


def test_attachments_are_never_served_from_the_media_folder(client, campaign, olga):
    initiative = _register(campaign, olga, "Có tệp", uploads=[SimpleUploadedFile("a.pdf", PDF)])
    client.force_login(olga)
    assert client.get(f"/{settings.MEDIA_URL}{initiative.files.get().file.name}").status_code == 404


def test_a_refused_form_keeps_what_was_typed(client, campaign, olga):
    client.force_login(olga)
    url = reverse("emulation:initiative-register", kwargs={"code": campaign.code})
    response = client.post(url, {"title": "Tên đã gõ", "problem": "Vấn đề đã gõ", "solution": "", "authors": []})
    page = response.content.decode()
    assert response.status_code == 200 and not Initiative.objects.exists()
    assert 'value="Tên đã gõ"' in page and ">Vấn đề đã gõ</textarea>" in page
    assert "Cần ghi nội dung, giải pháp." in page and "Cần chọn ít nhất một tác giả." in page


def test_a_stale_edit_lists_the_change_and_keeps_the_typed_values(client, campaign, olga, alice):
    initiative = _register(campaign, olga, "Tên ban đầu")
    client.force_login(olga)
    url = reverse("emulation:initiative-edit", kwargs={"pk": initiative.pk})
    form = form_of(client.get(url).content.decode())
    form["authors"] = [olga.official.pk]
    services.initiative_update(
        initiative=initiative,
        actor=alice,
        title="Tên Alice sửa",
        problem="Vấn đề.",
        solution="Giải pháp.",
        authors=[olga.official.pk],
    )
    response = client.post(url, form | {"title": "Tên Olga gõ"})
    text, page = _text(response), response.content.decode()
    assert response.status_code == 409
    assert "Alice Nguyễn" in text and "Tên sáng kiến: Tên ban đầu → Tên Alice sửa" in text
    assert 'value="Tên Olga gõ"' in page
    initiative.refresh_from_db()
    assert initiative.title == "Tên Alice sửa"
    again = form_of(page) | {"authors": [olga.official.pk]}  # the page now carries the current version
    assert client.post(url, again).status_code == 302
    initiative.refresh_from_db()
    assert initiative.title == "Tên Olga gõ"


def test_the_secretariat_recognises_and_the_unit_can_no_longer_edit(client, campaign, olga, sam):
    initiative = _register(campaign, olga, "Được công nhận")
    client.force_login(sam)
    url = reverse("emulation:initiative-recognise", kwargs={"pk": initiative.pk})
    form = form_of(client.get(url).content.decode())
    data = form | {
        "recognised_on": "15/03/2026",
        "level": "ward",
        "decision_reference": "QĐ số 45/QĐ-UBND",
        "applied": "1",
    }
    data.pop("action", None)
    text = _text(client.post(url, data, follow=True))
    assert "Đã lưu thông tin công nhận sáng kiến." in text
    assert "Ngày công nhận 15/03/2026" in text and "Cấp công nhận Cấp phường" in text and "Đã áp dụng" in text
    assert "Ghi nhận sáng kiến được công nhận" in text  # its history
    client.force_login(olga)
    response = client.get(reverse("emulation:initiative-edit", kwargs={"pk": initiative.pk}), follow=True)
    assert "Sáng kiến đã được công nhận: không sửa được nữa." in _text(response)
    assert "Sửa sáng kiến" not in _text(
        client.get(reverse("emulation:initiative-detail", kwargs={"pk": initiative.pk}))
    )


def test_the_secretariat_withdraws_a_recognition_with_a_reason(client, campaign, olga, sam):
    initiative = _register(campaign, olga, "Ghi nhầm")
    services.initiative_recognise(
        initiative=initiative,
        actor=sam,
        recognised_on="01/03/2026",
        level="unit",
        decision_reference="QĐ 1",
        applied=False,
    )
    client.force_login(sam)
    url = reverse("emulation:initiative-recognise", kwargs={"pk": initiative.pk})
    response = client.post(url, {"action": "withdraw", "reason": "Nhầm sáng kiến khác.", "version": "2"}, follow=True)
    text = _text(response)
    assert (
        "Đã bỏ ghi nhận công nhận sáng kiến." in text and "Bỏ ghi nhận công nhận. Lý do: Nhầm sáng kiến khác." in text
    )
    initiative.refresh_from_db()
    assert initiative.recognised_on is None


def test_the_home_panel_tells_a_unit_its_count_and_the_secretariat_what_waits(rf, campaign, olga, sam, two_units):
    from django.template.loader import render_to_string

    from emulation.initiatives.home import PANEL

    def shown(user) -> str:
        request = rf.get("/")
        request.user = user
        context = PANEL.context(request, campaign.start_date)
        return " ".join(re.sub(r"<[^>]+>", " ", render_to_string(PANEL.template, context, request=request)).split())

    assert "VP đã đăng ký 1 sáng kiến trong phong trào: 0 được công nhận" in shown(olga)
    assert "Đăng ký sáng kiến" in shown(olga)
    assert "2 sáng kiến chờ ghi nhận công nhận." in shown(sam)


def test_the_menus_link_opens_the_running_campaigns_list(client, campaign, olga):
    client.force_login(olga)
    response = client.get(reverse("emulation:initiative-current"))
    assert response.status_code == 302 and response["Location"] == _list_url(campaign)
    campaign.is_active = False
    campaign.save()
    assert client.get(reverse("emulation:initiative-current")).status_code == 404
