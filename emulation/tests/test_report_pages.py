"""The report pages as a unit head and the secretariat use them: form, evidence, workflow buttons."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from emulation.models import Evidence, MonthlyReport
from emulation.reports import services
from emulation.tests.conftest import OCTOBER, ONE_STOP, PDF, complete_figures, fill


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def _form(report, **overrides) -> dict:
    data = {f"os-{k}": v for k, v in ONE_STOP.items()}
    for code, fields in complete_figures(report).items():
        data |= {f"e-{code}-{name}": value for name, value in fields.items()}
    return data | overrides


def test_unit_head_fills_the_month_by_form(client, alice, report_vp):
    client.force_login(alice)
    url = reverse("emulation:report-edit", kwargs={"pk": report_vp.pk})
    page = client.get(url)
    assert "Số liệu hồ sơ một cửa" in _text(page) and "Chỉ tiêu phấn đấu: ≥ 99%" in _text(page)
    response = client.post(url, _form(report_vp, **{"e-1.2b-numerator": "7", "e-1.2b-denominator": "8"}))
    assert response.status_code == 302
    entry = report_vp.entries.get(indicator__code="1.2b")
    assert (entry.numerator, entry.denominator) == (7, 8)
    detail = _text(client.get(reverse("emulation:report-detail", kwargs={"pk": report_vp.pk})))
    assert "87,50%" in detail and "98 / 100" in detail


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"e-1.2a-numerator": "chín"}, "“chín” không phải là số."),
        ({"e-1.2a-numerator": "-1"}, "Không được là số âm."),
        ({"e-1.2a-numerator": "2.5"}, "Phải là số nguyên"),
        ({"e-1.2a-numerator": "11"}, "Tử số (11) không được lớn hơn mẫu số (10)."),
        ({"os-resolved_late": "9"}, "Sai đẳng thức “Tổng đã giải quyết = trước hạn + đúng hạn + quá hạn”"),
        ({"e-1.1-self_score": "12"}, "Điểm tự chấm phải từ 0 đến 10."),
    ],
    ids=["text", "negative", "decimal", "numerator-above-denominator", "one-stop-identity", "score-above-points"],
)
def test_bad_figures_are_shown_beside_their_field_and_nothing_is_saved(client, alice, report_vp, overrides, message):
    client.force_login(alice)
    response = client.post(reverse("emulation:report-edit", kwargs={"pk": report_vp.pk}), _form(report_vp, **overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and "is-invalid" in html and "chưa lưu gì" in html
    assert not report_vp.entries.filter(numerator__isnull=False).exists()
    report_vp.refresh_from_db()
    assert report_vp.resolved is None


def test_a_unit_head_cannot_touch_another_units_report(client, bob, filled_vp):
    client.force_login(bob)
    entry = filled_vp.entries.get(indicator__code="1.1")
    upload = SimpleUploadedFile("x.pdf", PDF)
    assert (
        client.post(reverse("emulation:evidence-upload", kwargs={"entry_pk": entry.pk}), {"file": upload}).status_code
        == 404
    )
    assert (
        client.post(reverse("emulation:report-edit", kwargs={"pk": filled_vp.pk}), _form(filled_vp)).status_code == 404
    )
    transition = reverse("emulation:report-transition", kwargs={"pk": filled_vp.pk, "action": "submit"})
    assert client.post(transition).status_code == 404
    evidence = entry.evidence.first()
    assert client.post(reverse("emulation:evidence-delete", kwargs={"pk": evidence.pk})).status_code == 404
    assert (
        MonthlyReport.objects.get(pk=filled_vp.pk).status == "draft"
        and Evidence.objects.filter(pk=evidence.pk).exists()
    )


def test_unit_head_cannot_open_a_report_for_a_unit_they_do_not_head(client, bob, campaign):
    client.force_login(bob)
    response = client.post(
        reverse("emulation:report-open", kwargs={"code": campaign.code}), {"unit": "VP", "month": "2026-10"}
    )
    assert response.status_code == 404 and not MonthlyReport.objects.exists()


def test_opening_a_month_twice_leads_to_the_existing_report(client, alice, report_vp, campaign):
    client.force_login(alice)
    response = client.post(
        reverse("emulation:report-open", kwargs={"code": campaign.code}), {"unit": "VP", "month": "2026-10"}
    )
    assert response["Location"] == reverse("emulation:report-edit", kwargs={"pk": report_vp.pk})
    assert MonthlyReport.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("lon.pdf", b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024), "vượt quá 10 MB"),
        ("virus.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "không phải PDF, ảnh, .xlsx hay .docx"),
        ("anh.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "nội dung là tệp PNG nhưng tên tệp có đuôi khác"),
        ("ghi-chu.txt", b"just text", "không phải PDF"),
    ],
    ids=["over-10-MB", "executable-renamed-pdf", "png-named-pdf", "text-file"],
)
def test_bad_evidence_is_refused_and_not_stored(client, alice, report_vp, name, content, message):
    client.force_login(alice)
    entry = report_vp.entries.get(indicator__code="1.1")
    response = client.post(
        reverse("emulation:evidence-upload", kwargs={"entry_pk": entry.pk}),
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert message in response.content.decode()
    assert not Evidence.objects.exists()


def test_evidence_is_stored_outside_static_and_downloaded_only_by_those_who_may_see_it(
    client, alice, bob, sam, filled_vp, settings
):
    evidence = Evidence.objects.get(entry__report=filled_vp)
    path = evidence.file.path
    assert path.startswith(str(settings.MEDIA_ROOT)) and "static" not in path
    url = reverse("emulation:evidence-download", kwargs={"pk": evidence.pk})
    for user, status in ((alice, 200), (sam, 200), (bob, 404)):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == status
        if status == 200:
            assert b"".join(response.streaming_content) == PDF
            assert 'filename="sang-kien.pdf"' in response["Content-Disposition"]


def test_a_docx_and_an_xlsx_are_recognised_by_their_content(client, alice, report_vp):
    import io

    import openpyxl

    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    client.force_login(alice)
    entry = report_vp.entries.get(indicator__code="1.2a")
    client.post(
        reverse("emulation:evidence-upload", kwargs={"entry_pk": entry.pk}),
        {"file": SimpleUploadedFile("bang.xlsx", buffer.getvalue())},
    )
    assert Evidence.objects.get().content_type.endswith("spreadsheetml.sheet")


def test_the_round_through_the_pages(client, alice, sam, filled_vp):
    detail = reverse("emulation:report-detail", kwargs={"pk": filled_vp.pk})

    def act(user, action, **data):
        client.force_login(user)
        return client.post(
            reverse("emulation:report-transition", kwargs={"pk": filled_vp.pk, "action": action}), data, follow=True
        )

    assert "Đã gửi báo cáo" in _text(act(alice, "submit"))
    assert "Cần ghi lý do." in _text(act(sam, "return"))
    assert "Đã trả lại" in _text(act(sam, "return", reason="Mẫu số 1.2a chưa đúng"))
    assert "Đã gửi báo cáo" in _text(act(alice, "submit"))
    page = _text(act(sam, "accept", **{"appraise-1.1": "8"}))
    assert "Đã chấp nhận" in page
    client.force_login(alice)
    text = _text(client.get(detail))
    assert "Đã chấp nhận" in text and "Mẫu số 1.2a chưa đúng" in text
    assert "Nhập, sửa số liệu" not in text  # locked
    for step in (
        "Đang soạn → Đã gửi, chờ xem xét",
        "Đã gửi, chờ xem xét → Bị trả lại Mẫu số 1.2a chưa đúng",
        "Bị trả lại → Đã gửi, chờ xem xét",
        "Đã gửi, chờ xem xét → Đã chấp nhận",
    ):
        assert step in text, step


@pytest.mark.parametrize("evidence_files", [1, 12])
def test_report_page_queries_do_not_grow_with_evidence(
    client, sam, filled_vp, alice, evidence_files, django_assert_max_num_queries
):
    entry = filled_vp.entries.get(indicator__code="1.2a")
    for n in range(evidence_files):
        services.evidence_add(entry=entry, actor=alice, upload=SimpleUploadedFile(f"m{n}.pdf", PDF))
    client.force_login(sam)
    with django_assert_max_num_queries(22):
        response = client.get(reverse("emulation:report-detail", kwargs={"pk": filled_vp.pk}))
    assert response.status_code == 200


def test_the_report_keeps_working_in_a_second_month(client, alice, campaign):
    report = services.report_open(
        campaign=campaign, unit=alice.official.unit, month=OCTOBER.replace(month=11), actor=alice
    )
    fill(report, alice)
    client.force_login(alice)
    assert "tháng 11/2026" in _text(client.get(reverse("emulation:report-detail", kwargs={"pk": report.pk})))
