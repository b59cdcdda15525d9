"""Fixtures for monthly reports: an open October report of each persona's unit, and complete figures."""

from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from emulation.reports import services

OCTOBER = date(2026, 10, 1)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ONE_STOP = dict(
    received="120",
    received_online="80",
    received_direct="30",
    carried_over="10",
    resolved="100",
    resolved_ahead="40",
    resolved_on_time="58",
    resolved_late="2",
    in_progress="20",
    in_progress_within="18",
    in_progress_overdue="2",
)


def complete_figures(report) -> dict[str, dict]:
    """Valid figures for every entry of `report` typed by hand (one-stop ones come from ONE_STOP)."""
    entries = {}
    for entry in report.entries.select_related("indicator"):
        indicator = entry.indicator
        if indicator.kind == "qualitative":
            entries[indicator.code] = {"self_score": "8,5", "explanation": "Áp dụng tiếp nhận hồ sơ không giấy."}
        elif indicator.measure == "percent" and indicator.figure_source == "manual":
            entries[indicator.code] = {"numerator": "9", "denominator": "10"}
        elif indicator.measure == "count":
            entries[indicator.code] = {"value": "150"}
    return entries


def fill(report, actor):
    services.report_save_figures(report=report, actor=actor, entries=complete_figures(report), one_stop=ONE_STOP)
    entry = report.entries.get(indicator__code="1.1")
    services.evidence_add(
        entry=entry, actor=actor, upload=SimpleUploadedFile("sang-kien.pdf", PDF, content_type="application/pdf")
    )
    return report


@pytest.fixture
def report_vp(campaign, alice):
    return services.report_open(campaign=campaign, unit=alice.official.unit, month=OCTOBER, actor=alice)


@pytest.fixture
def filled_vp(report_vp, alice):
    return fill(report_vp, alice)


def accepted_report(
    campaign, unit, month, actor, *, ratio=None, count=None, appraised=None, status="accepted", accepted_at=None
):
    """A report of `unit` for `month` with only 1.2a, 1.5c and 1.1 figures, put straight into `status`
    (accepted by `actor` at `accepted_at`), for tests of what comes after the workflow."""
    from decimal import Decimal

    from emulation.models import MonthlyReport, ReportEntry

    report = services.report_open(campaign=campaign, unit=unit, month=month, actor=actor)
    entries = {}
    if ratio is not None:
        entries["1.2a"] = {"numerator": str(ratio[0]), "denominator": str(ratio[1])}
    if count is not None:
        entries["1.5c"] = {"value": str(count)}
    services.report_save_figures(report=report, actor=actor, entries=entries)
    if appraised is not None:
        ReportEntry.objects.filter(report=report, indicator__code="1.1").update(appraised_score=Decimal(appraised))
    accepted = {"accepted_by": actor, "accepted_at": accepted_at} if status == "accepted" and accepted_at else {}
    MonthlyReport.objects.filter(pk=report.pk).update(status=status, **accepted)
    return report


JAN, FEB = date(2026, 1, 1), date(2026, 2, 1)
ACCEPTED_AT = timezone.make_aware(datetime(2026, 3, 4, 9, 30))


def two_months_accepted(campaign, ward, sam) -> None:
    """The score tests' hand-computed data set (see test_score_service.py's docstring): 1.2a, 1.5c
    and 1.1 for VP and KTHTDT in January and February and VHXH in January, accepted by sam."""
    units = ward.units
    for unit, month, figures in (
        ("VP", JAN, dict(ratio=(9, 10), count=100, appraised="8")),
        ("VP", FEB, dict(ratio=(10, 20), count=120, appraised="9")),
        ("KTHTDT", JAN, dict(ratio=(10, 10), count=50, appraised="7.5")),
        ("KTHTDT", FEB, dict(ratio=(8, 10), count=40, appraised="10")),
        ("VHXH", JAN, dict(ratio=(1, 2), appraised="5")),
    ):
        accepted_report(campaign, units[unit], month, sam, accepted_at=ACCEPTED_AT, **figures)


@pytest.fixture
def scored(campaign, ward, sam):
    """The campaign with the two-month data set accepted and its scores computed."""
    from emulation.scores.services import scores_recompute

    two_months_accepted(campaign, ward, sam)
    scores_recompute(campaign=campaign)
    return campaign


def score_url(campaign, unit: str, code: str, period: str) -> str:
    """The explain page of one stored score."""
    from emulation.models import IndicatorScore

    score = IndicatorScore.objects.get(campaign=campaign, unit__code=unit, indicator__code=code, period=period)
    return score.get_absolute_url()


def form_of(page: str) -> dict:
    """A page's form fields as the browser would send them back: inputs and text areas, as shown."""
    import html
    import re

    data = {
        name: html.unescape(value)
        for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page)
        if name != "csrfmiddlewaretoken"
    }
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        data[name] = html.unescape(value)
    return data
