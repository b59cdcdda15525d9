"""Beat jobs: reminders three days before a deadline, the late list the day after; each sent once."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from core.models import Notification
from emulation import tasks
from emulation.models import MonthlyReport, ReportReminder
from emulation.reports.reminders import late_units_notify, reminders_due_soon_send
from emulation.reports.services import report_open

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OCTOBER = date(2026, 10, 1)  # due 05/11/2026
THREE_DAYS_BEFORE, DAY_AFTER = date(2026, 11, 2), date(2026, 11, 6)


@pytest.fixture
def october(campaign, ward, alice, bob, sam):
    """October 2026: VP has sent its report, KTHTDT has a draft, the three others nothing."""
    sent = report_open(campaign=campaign, unit=ward.units["VP"], month=OCTOBER, actor=alice)
    MonthlyReport.objects.filter(pk=sent.pk).update(
        status="submitted", first_submitted_at=datetime(2026, 11, 1, 9, 0, tzinfo=VN)
    )
    report_open(campaign=campaign, unit=ward.units["KTHTDT"], month=OCTOBER, actor=bob)
    return campaign


def test_due_soon_reminds_the_heads_of_units_without_a_sent_report(october, alice, bob):
    assert reminders_due_soon_send(today=THREE_DAYS_BEFORE) == 4
    reminded = ReportReminder.objects.filter(kind="due_soon", month=OCTOBER)
    assert sorted(reminded.values_list("unit__code", flat=True)) == ["KTHTDT", "TTDVTH", "TTPVHCC", "VHXH"]
    assert not Notification.objects.filter(recipient=alice).exists()  # VP has sent
    note = Notification.objects.get(recipient=bob)
    assert note.kind == "report_due_soon"
    assert note.title == "Sắp đến hạn nộp báo cáo tháng 10/2026"
    assert note.body == "Báo cáo số liệu tháng 10/2026 của KTHTDT cần gửi chậm nhất ngày 05/11/2026."
    assert note.url == f"/phong-trao/{october.code}/bao-cao/"


def test_due_soon_runs_twice_the_same_day_without_sending_again(october, bob):
    reminders_due_soon_send(today=THREE_DAYS_BEFORE)
    assert reminders_due_soon_send(today=THREE_DAYS_BEFORE) == 0
    assert ReportReminder.objects.filter(kind="due_soon").count() == 4
    assert Notification.objects.filter(recipient=bob).count() == 1


@pytest.mark.parametrize("today", [date(2026, 11, 1), date(2026, 11, 3), date(2026, 11, 5)])
def test_due_soon_sends_nothing_on_other_days(october, today):
    assert reminders_due_soon_send(today=today) == 0
    assert not Notification.objects.exists() and not ReportReminder.objects.exists()


def test_accepted_counts_as_sent_and_returned_does_not(october, ward, bob):
    MonthlyReport.objects.filter(unit=ward.units["VP"]).update(status="accepted")
    MonthlyReport.objects.filter(unit=ward.units["KTHTDT"]).update(status="returned")
    reminders_due_soon_send(today=THREE_DAYS_BEFORE)
    codes = set(ReportReminder.objects.values_list("unit__code", flat=True))
    assert "VP" not in codes and "KTHTDT" in codes


def test_december_is_reminded_in_january_of_the_next_year(campaign, bob):
    assert reminders_due_soon_send(today=date(2027, 1, 2)) == 5
    assert Notification.objects.get(recipient=bob).body.endswith("chậm nhất ngày 05/01/2027.")


def test_an_inactive_campaign_reminds_nobody(october):
    october.is_active = False
    october.save()
    assert reminders_due_soon_send(today=THREE_DAYS_BEFORE) == 0
    assert late_units_notify(today=DAY_AFTER) == 0
    assert not Notification.objects.exists()


def test_late_list_goes_to_the_secretariat_the_day_after_the_deadline(october, sam, alice, bob):
    assert late_units_notify(today=DAY_AFTER) == 4
    note = Notification.objects.get()
    assert note.recipient == sam and note.kind == "reports_late"
    assert note.title == "4 đơn vị chưa nộp báo cáo tháng 10/2026"
    late = "Phòng KTHTDT, Phòng VHXH, Phòng TTPVHCC, Phòng TTDVTH"
    assert note.body == f"Quá hạn 05/11/2026, các đơn vị chưa gửi báo cáo: {late}."
    record = ReportReminder.objects.get(kind="late_list")
    assert record.unit is None and record.month == OCTOBER and record.campaign == october


def test_late_list_is_sent_once(october, sam):
    late_units_notify(today=DAY_AFTER)
    assert late_units_notify(today=DAY_AFTER) == 0
    assert Notification.objects.filter(recipient=sam).count() == 1
    assert ReportReminder.objects.filter(kind="late_list").count() == 1


@pytest.mark.parametrize("today", [date(2026, 11, 5), date(2026, 11, 7)])
def test_late_list_waits_for_the_day_after_the_deadline(october, sam, today):
    assert late_units_notify(today=today) == 0
    assert not Notification.objects.exists() and not ReportReminder.objects.exists()


def test_no_late_list_message_when_every_unit_has_sent(october, sam):
    MonthlyReport.objects.filter(campaign=october).update(status="accepted")
    for code in ("VHXH", "TTPVHCC", "TTDVTH"):
        unit = october.participants.get(code=code)
        MonthlyReport.objects.create(campaign=october, unit=unit, month=OCTOBER, status="submitted")
    assert late_units_notify(today=DAY_AFTER) == 0
    assert not Notification.objects.exists()
    assert ReportReminder.objects.filter(kind="late_list").count() == 1


@pytest.fixture
def clock(monkeypatch):
    def set_today(day: date) -> None:
        monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)

    return set_today


def test_celery_tasks_use_todays_date(october, clock, bob, sam):
    clock(THREE_DAYS_BEFORE)
    assert tasks.remind_due_soon.delay().get() == 4
    assert Notification.objects.filter(recipient=bob, kind="report_due_soon").count() == 1
    clock(DAY_AFTER)
    assert tasks.report_late_units.delay().get() == 4
    assert Notification.objects.filter(recipient=sam, kind="reports_late").count() == 1


def test_beat_runs_both_jobs_every_morning():
    from config.celery import app

    app.loader.import_default_modules()
    scheduled = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    for name in ("emulation.tasks.remind_due_soon", "emulation.tasks.report_late_units"):
        assert name in app.tasks
        assert scheduled[name].hour == {7} and scheduled[name].day_of_month == set(range(1, 32))
