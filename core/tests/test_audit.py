"""The audit log (/nhat-ky/): every source's rows with who, when, what and which unit; each filter narrows; the
export holds the filtered rows; the next page continues exactly where the last ended; the query count of a page
does not grow with the rows; only the admin and the secretariat see it."""

import csv
import io
from datetime import date, datetime

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards.catalogue.models import AwardForm
from awards.dossiers import services as dossier_services
from awards.dossiers.models import DossierStatus, DossierTransition
from core.audit.selectors import PAGE_SIZE
from emulation.reports import services as report_services
from emulation.reports.models import ReportStatus, ReportTransition
from units.models import Official, Unit

URL = reverse("core:audit")


def _at(day: int, hour: int = 9) -> datetime:
    return timezone.make_aware(datetime(2026, 3, day, hour))


@pytest.fixture
def log(campaign, alice, bob, olga, sam, ada, ward):
    """One row of each kind, on known days: alice's submit (VP, 10/03), bob's dossier sent (KTHTDT, 12/03),
    olga's own record edited by olga (VP, 14/03), an admin change (no unit, 16/03)."""
    report = report_services.report_open(campaign=campaign, unit=ward.units["VP"], month=date(2026, 3, 1), actor=alice)
    step = ReportTransition.objects.create(
        report=report, action="submit", from_status=ReportStatus.DRAFT, to_status=ReportStatus.SUBMITTED, actor=alice
    )
    ReportTransition.objects.filter(pk=step.pk).update(at=_at(10))
    form = AwardForm.objects.get(campaign=campaign, code="GK-CT-PHUONG")
    dossier = dossier_services.dossier_open(campaign=campaign, unit=ward.units["KTHTDT"], award_form=form, actor=bob)
    sent = DossierTransition.objects.create(
        dossier=dossier,
        action="submit",
        from_status=DossierStatus.DRAFT,
        to_status=DossierStatus.SUBMITTED,
        actor=bob,
        reason="Gửi đủ hồ sơ",
    )
    DossierTransition.objects.filter(pk=sent.pk).update(at=_at(12))
    official = Official.objects.get(user=olga)
    official.full_name = "Olga Trần"
    official._history_user = olga
    official.save()
    Official.history.filter(id=official.pk, history_type="~").update(history_date=_at(14))
    entry = LogEntry.objects.create(
        user=ada,
        content_type=ContentType.objects.get_for_model(Unit),
        object_id=str(ward.units["VP"].pk),
        object_repr="Văn phòng",
        action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["short_name"]}}]',
    )
    LogEntry.objects.filter(pk=entry.pk).update(action_time=_at(16))
    # Everything else (set-up rows: the plan, the ward, the dossier's and report's creation) moved to 2025.
    old = timezone.make_aware(datetime(2025, 1, 1))
    for model in (Unit, Official, report.__class__, dossier.__class__):
        model.history.exclude(history_date__in=[_at(14)]).update(history_date=old)
    from awards.dossiers.models import Nominee
    from criteria.models import Indicator
    from emulation.plan.models import Campaign
    from emulation.reports.models import ReportEntry

    for model in (Campaign, ReportEntry, Indicator, Nominee):
        model.history.update(history_date=old)
    return {"report": report, "dossier": dossier}


def _rows(client, user, **params) -> str:
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_each_source_shows_who_when_what_and_which_unit(client, sam, log):
    page = _rows(client, sam, tu="01/03/2026", den="31/03/2026")
    assert "10/03/2026 09:00:00" in page and "Bước xử lý báo cáo tháng" in page and "Alice" in page
    assert "Đang soạn → Đã gửi, chờ xem xét" in page and "Báo cáo tháng 03/2026" in page
    assert "Bước xử lý hồ sơ khen thưởng" in page and "Lý do: Gửi đủ hồ sơ" in page
    assert "Cán bộ Olga Trần" in page and "Đã sửa: họ và tên." in page and "Olga" in page
    assert "Thao tác trên trang quản trị" in page and "Văn phòng" in page and "16/03/2026" in page
    # Newest first.
    assert page.index("16/03/2026") < page.index("14/03/2026") < page.index("12/03/2026") < page.index("10/03/2026")


@pytest.mark.parametrize(
    ("params", "shown", "hidden"),
    [
        ({"nguoi": "alice"}, ["10/03/2026"], ["12/03/2026", "14/03/2026", "16/03/2026"]),
        ({"nguoi": "bob"}, ["12/03/2026"], ["10/03/2026", "14/03/2026", "16/03/2026"]),
        ({"tu": "11/03/2026", "den": "14/03/2026"}, ["12/03/2026", "14/03/2026"], ["10/03/2026", "16/03/2026"]),
        ({"tu": "2026-03-16"}, ["16/03/2026"], ["10/03/2026", "12/03/2026", "14/03/2026"]),
        ({"don_vi": "VP", "tu": "01/03/2026"}, ["10/03/2026", "14/03/2026"], ["12/03/2026", "16/03/2026"]),
        ({"don_vi": "KTHTDT", "tu": "01/03/2026"}, ["12/03/2026"], ["10/03/2026", "14/03/2026", "16/03/2026"]),
        ({"loai": "buoc-ho-so"}, ["12/03/2026"], ["10/03/2026", "14/03/2026", "16/03/2026"]),
        ({"loai": "quan-tri"}, ["16/03/2026"], ["10/03/2026", "12/03/2026", "14/03/2026"]),
        ({"loai": "can-bo", "tu": "01/03/2026"}, ["14/03/2026"], ["10/03/2026", "12/03/2026", "16/03/2026"]),
    ],
)
def test_each_filter_narrows(client, personas, ward, ada, log, params, shown, hidden):
    if "nguoi" in params:
        params = {**params, "nguoi": personas[params["nguoi"]].pk}
    if "don_vi" in params:
        params = {**params, "don_vi": ward.units[params["don_vi"]].pk}
    page = _rows(client, ada, **params)
    for day in shown:
        assert day in page, (params, day)
    for day in hidden:
        assert day not in page, (params, day)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_export_holds_the_filtered_rows(client, sam, alice, log, fmt):
    client.force_login(sam)
    response = client.get(URL, {"nguoi": alice.pk, "tu": "01/03/2026", "xuat": fmt})
    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[0][:3] == ["Thời gian", "Người thực hiện", "Phòng/đơn vị"]
        assert rows[1:] == [
            [
                "10/03/2026 09:00:00",
                "Alice",
                "VP",
                "Bước xử lý báo cáo tháng",
                "Gửi báo cáo (Đang soạn → Đã gửi, chờ xem xét)",
                "Báo cáo tháng 03/2026",
                "",
            ]
        ]
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(response.content)).active
        values = [[cell.value for cell in row] for row in sheet.iter_rows()]
        found = [row for row in values if row and row[3] == "Bước xử lý báo cáo tháng"]
        assert len(found) == 1 and "Bước xử lý hồ sơ khen thưởng" not in str(values)


def _many_steps(log, alice, count: int) -> None:
    ReportTransition.objects.bulk_create(
        ReportTransition(
            report=log["report"],
            action="submit",
            from_status=ReportStatus.DRAFT,
            to_status=ReportStatus.SUBMITTED,
            actor=alice,
        )
        for _ in range(count)
    )
    ReportTransition.objects.filter(at__gte=_at(17)).update(at=_at(20))  # all in the same second


def test_pages_follow_on_without_skipping_or_repeating(client, sam, alice, log):
    _many_steps(log, alice, PAGE_SIZE + 7)
    client.force_login(sam)
    seen, url, pages = [], f"{URL}?loai=buoc-bao-cao", 0
    while url and pages < 5:
        response = client.get(url)
        assert response.status_code == 200
        seen += [e.pk for e in response.context["entries"]]
        following = response.context["following"]
        url = f"{URL}?{following}" if following else None
        pages += 1
    assert pages == 2 and len(seen) == len(set(seen)) == PAGE_SIZE + 8


def test_the_query_count_does_not_grow_with_the_rows(client, sam, alice, log):
    client.force_login(sam)
    client.get(URL)  # warm the session and content types
    with CaptureQueriesContext(connection) as few:
        assert client.get(URL).status_code == 200
    _many_steps(log, alice, 120)
    with CaptureQueriesContext(connection) as many:
        assert client.get(URL).status_code == 200
    assert len(many) == len(few) <= 40


@pytest.mark.parametrize("persona", ["alice", "bob", "olga", "chris"])
def test_others_get_404_and_no_link(client, personas, persona):
    client.force_login(personas[persona])
    assert client.get(URL).status_code == 404
    assert client.get(URL, {"xuat": "csv"}).status_code == 404
    assert URL not in client.get(reverse("core:home")).content.decode()


@pytest.mark.parametrize("persona", ["sam", "ada"])
def test_the_admin_and_the_secretariat_have_the_link(client, personas, persona):
    client.force_login(personas[persona])
    assert f'href="{URL}"' in client.get(reverse("core:home")).content.decode()


@pytest.mark.parametrize("key", ["quan-tri", "buoc-bao-cao", "can-bo"])
def test_a_cursor_past_any_id_or_time_reads_without_error(client, sam, log, key):
    client.force_login(sam)
    for cursor in (f"2100-12-31T23:59:59+07:00~{key}~{2**63 - 1}", f"0001-01-01T00:00:00+00:00~{key}~1"):
        response = client.get(URL, {"truoc": cursor})
        assert response.status_code == 200, cursor
    assert "16/03/2026" in client.get(URL, {"truoc": f"2100-12-31T23:59:59+07:00~{key}~{2**63 - 1}"}).content.decode()
