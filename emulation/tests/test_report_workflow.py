"""The report workflow: the table, the services that apply it, and what each step records and tells."""

from datetime import date
from decimal import Decimal

import pytest

from core.models import Notification
from emulation.models import MonthlyReport, ReportEntry, ReportTransition
from emulation.reports import services
from emulation.reports.models import ReportStatus
from emulation.reports.workflow import REPORT_WORKFLOW
from emulation.tests.conftest import OCTOBER


def test_the_table_allows_exactly_these_moves():
    moves = {(t.action, s, t.target) for t in REPORT_WORKFLOW.transitions for s in t.sources}
    assert moves == {
        ("accept_import", "draft", "accepted"),
        ("accept_import", "returned", "accepted"),
        ("accept_import", "submitted", "accepted"),
        ("submit", "draft", "submitted"),
        ("submit", "returned", "submitted"),
        ("withdraw", "submitted", "draft"),
        ("accept", "submitted", "accepted"),
        ("return", "submitted", "returned"),
        ("reopen", "accepted", "returned"),
    }


def test_opening_creates_one_entry_per_applicable_indicator(report_vp):
    assert report_vp.status == ReportStatus.DRAFT
    assert report_vp.entries.count() == 15


def test_an_indicator_limited_to_other_units_is_left_out(campaign, bob):
    from criteria.models import Indicator

    Indicator.objects.get(campaign=campaign, code="1.5a").applies_to.set(
        [bob.official.unit.parent.children.get(code="VP")]
    )
    report = services.report_open(campaign=campaign, unit=bob.official.unit, month=OCTOBER, actor=bob)
    assert not report.entries.filter(indicator__code="1.5a").exists()


@pytest.mark.parametrize(
    ("month", "message"),
    [(date(2025, 12, 1), "nằm ngoài thời gian của phong trào"), (date(2027, 1, 1), "nằm ngoài thời gian")],
)
def test_a_month_outside_the_campaign_is_refused(campaign, alice, month, message):
    with pytest.raises(services.ReportError, match=message):
        services.report_open(campaign=campaign, unit=alice.official.unit, month=month, actor=alice)
    assert not MonthlyReport.objects.exists()


def test_a_second_report_for_the_same_unit_and_month_is_refused(report_vp, campaign, alice):
    with pytest.raises(services.ReportError, match="đã có báo cáo tháng 10/2026"):
        services.report_open(campaign=campaign, unit=alice.official.unit, month=date(2026, 10, 15), actor=alice)
    assert MonthlyReport.objects.count() == 1


def test_a_unit_head_cannot_open_another_units_report(campaign, alice, bob):
    with pytest.raises(services.ReportError, match="không phải thủ trưởng"):
        services.report_open(campaign=campaign, unit=bob.official.unit, month=OCTOBER, actor=alice)


def test_bad_figures_save_nothing(report_vp, alice):
    entries = {"1.2a": {"numerator": "9", "denominator": "10"}, "1.2b": {"numerator": "11", "denominator": "10"}}
    with pytest.raises(services.FiguresInvalid) as exc:
        services.report_save_figures(report=report_vp, actor=alice, entries=entries)
    assert exc.value.problems.errors == {("1.2b", "numerator"): "Tử số (11) không được lớn hơn mẫu số (10)."}
    assert not ReportEntry.objects.filter(report=report_vp, numerator__isnull=False).exists()


def test_inconsistent_one_stop_counts_save_nothing_and_name_the_identity(report_vp, alice):
    from emulation.tests.conftest import ONE_STOP

    with pytest.raises(services.FiguresInvalid, match="Tổng đã giải quyết = trước hạn"):
        services.report_save_figures(
            report=report_vp,
            actor=alice,
            entries={"1.2a": {"numerator": "1", "denominator": "1"}},
            one_stop={**ONE_STOP, "resolved_late": "5"},
        )
    report_vp.refresh_from_db()
    assert report_vp.resolved is None
    assert report_vp.entries.get(indicator__code="1.2a").numerator is None


def test_one_stop_counts_set_the_on_time_and_ahead_figures(filled_vp):
    figures = {e.indicator.code: (e.numerator, e.denominator) for e in filled_vp.entries.select_related("indicator")}
    assert figures["1.3c"] == (98, 100) and figures["1.3d"] == (40, 100)


def test_submit_needs_every_entry_and_qualitative_evidence(report_vp, alice):
    from emulation.tests.conftest import ONE_STOP, complete_figures

    services.report_save_figures(report=report_vp, actor=alice, entries=complete_figures(report_vp), one_stop=ONE_STOP)
    with pytest.raises(services.ReportError, match=r"Chỉ tiêu 1\.1: chưa có minh chứng"):
        services.report_transition(report=report_vp, action="submit", actor=alice)
    report_vp.refresh_from_db()
    assert report_vp.status == ReportStatus.DRAFT


def test_the_whole_round_submit_return_resubmit_accept(filled_vp, alice, sam, django_capture_on_commit_callbacks):
    report = services.report_transition(report=filled_vp, action="submit", actor=alice)
    assert report.status == ReportStatus.SUBMITTED
    assert Notification.objects.filter(recipient=sam, kind="report_submitted").count() == 1

    with pytest.raises(services.ReportError, match="Cần ghi lý do"):
        services.report_transition(report=report, action="return", actor=sam, reason="  ")
    services.report_transition(report=report, action="return", actor=sam, reason="Thiếu minh chứng 1.2a")
    note = Notification.objects.get(recipient=alice, kind="report_returned")
    assert "Thiếu minh chứng 1.2a" in note.body

    services.report_save_figures(report=report, actor=alice, entries={"1.2a": {"numerator": "10", "denominator": "10"}})
    services.report_transition(report=report, action="submit", actor=alice)
    with pytest.raises(services.FiguresInvalid, match="Cần nhập điểm thẩm định"):
        services.report_transition(report=report, action="accept", actor=sam, appraisals={})
    report = services.report_transition(report=report, action="accept", actor=sam, appraisals={"1.1": "8"})
    assert report.status == ReportStatus.ACCEPTED and report.accepted_by == sam
    entry = report.entries.get(indicator__code="1.1")
    assert (entry.self_score, entry.appraised_score) == (Decimal("8.50"), Decimal("8.00"))
    steps = list(
        ReportTransition.objects.filter(report=report).values_list(
            "actor__username", "from_status", "to_status", "reason"
        )
    )
    assert steps == [
        ("alice", "draft", "submitted", ""),
        ("sam", "submitted", "returned", "Thiếu minh chứng 1.2a"),
        ("alice", "returned", "submitted", ""),
        ("sam", "submitted", "accepted", ""),
    ]
    assert Notification.objects.filter(recipient=alice, kind="report_accepted").exists()


def test_an_accepted_report_is_locked_until_the_secretariat_reopens_it(filled_vp, alice, sam):
    services.report_transition(report=filled_vp, action="submit", actor=alice)
    services.report_transition(report=filled_vp, action="accept", actor=sam, appraisals={"1.1": "9"})
    with pytest.raises(services.ReportError, match="không sửa được số liệu"):
        services.report_save_figures(
            report=filled_vp, actor=alice, entries={"1.2a": {"numerator": "1", "denominator": "1"}}
        )
    with pytest.raises(services.ReportError, match="không có quyền"):
        services.report_transition(report=filled_vp, action="reopen", actor=alice, reason="sửa")
    services.report_transition(report=filled_vp, action="reopen", actor=sam, reason="Đơn vị báo sai mẫu số")
    filled_vp.refresh_from_db()
    assert filled_vp.status == ReportStatus.RETURNED and filled_vp.accepted_by is None


def test_the_unit_head_may_withdraw_before_review_but_not_after(filled_vp, alice, sam):
    services.report_transition(report=filled_vp, action="submit", actor=alice)
    services.report_transition(report=filled_vp, action="withdraw", actor=alice)
    filled_vp.refresh_from_db()
    assert filled_vp.status == ReportStatus.DRAFT
    services.report_transition(report=filled_vp, action="submit", actor=alice)
    services.report_transition(report=filled_vp, action="accept", actor=sam, appraisals={"1.1": "9"})
    with pytest.raises(services.ReportError, match="Không thể “rút lại để sửa”"):
        services.report_transition(report=filled_vp, action="withdraw", actor=alice)


def test_only_the_secretariat_accepts_and_only_the_unit_head_submits(filled_vp, alice, bob, sam, chris):
    for actor in (bob, sam, chris):
        with pytest.raises(services.ReportError, match="không có quyền"):
            services.report_transition(report=filled_vp, action="submit", actor=actor)
    services.report_transition(report=filled_vp, action="submit", actor=alice)
    for actor in (alice, bob, chris):
        with pytest.raises(services.ReportError, match="không có quyền"):
            services.report_transition(report=filled_vp, action="accept", actor=actor, appraisals={"1.1": "9"})


def test_a_report_sent_after_the_deadline_is_late(filled_vp, alice):
    from django.utils import timezone

    report = services.report_transition(report=filled_vp, action="submit", actor=alice)
    assert report.deadline == date(2026, 11, 5)
    MonthlyReport.objects.filter(pk=report.pk).update(
        first_submitted_at=timezone.make_aware(timezone.datetime(2026, 11, 5, 23, 30))
    )
    report.refresh_from_db()
    assert not report.is_late(date(2026, 12, 1))
    MonthlyReport.objects.filter(pk=report.pk).update(
        first_submitted_at=timezone.make_aware(timezone.datetime(2026, 11, 6, 0, 10))
    )
    report.refresh_from_db()
    assert report.is_late(date(2026, 12, 1))


def test_an_unsent_report_is_late_only_after_the_deadline(report_vp):
    assert not report_vp.is_late(date(2026, 11, 5)) and report_vp.is_late(date(2026, 11, 6))


def test_every_figure_change_is_kept_with_who_made_it(report_vp, alice):
    from emulation.reports.selectors import entry_history

    services.report_save_figures(
        report=report_vp, actor=alice, entries={"1.2a": {"numerator": "9", "denominator": "10"}}
    )
    services.report_save_figures(
        report=report_vp, actor=alice, entries={"1.2a": {"numerator": "10", "denominator": "10"}}
    )
    changes = [(c["what"], c["old"], c["new"], c["user"].username) for c in entry_history(report_vp)]
    assert ("1.2a · tử số", 9, 10, "alice") in changes and ("1.2a · mẫu số", None, 10, "alice") in changes


def test_derived_figures_of_a_one_stop_indicator_may_be_given_directly(report_vp, alice):
    """An import from the one-stop system gives 1.3c's numerator and denominator, not the counts."""
    services.report_save_figures(
        report=report_vp, actor=alice, entries={"1.3c": {"numerator": "5", "denominator": "6"}}
    )
    entry = report_vp.entries.get(indicator__code="1.3c")
    assert (entry.numerator, entry.denominator) == (5, 6)
    with pytest.raises(services.FiguresInvalid, match=r"Tử số \(7\) không được lớn hơn mẫu số \(6\)"):
        services.report_save_figures(
            report=report_vp, actor=alice, entries={"1.3c": {"numerator": "7", "denominator": "6"}}
        )


def test_a_unit_head_cannot_set_the_appraised_score_through_the_form(client, alice, report_vp):
    from django.urls import reverse

    client.force_login(alice)
    client.post(
        reverse("emulation:report-edit", kwargs={"pk": report_vp.pk}),
        {"e-1.1-self_score": "9", "e-1.1-explanation": "x", "e-1.1-appraised_score": "10"},
    )
    entry = report_vp.entries.get(indicator__code="1.1")
    assert entry.self_score == 9 and entry.appraised_score is None
