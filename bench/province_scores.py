"""Benchmark: scoring at province scale — 125 wards × 10 units × 12 months × 15 indicators on PostgreSQL.

Run: DEBUG=1 DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua .venv/bin/python bench/province_scores.py [WARDS]
It builds Django's throwaway test database (real data is never touched), one campaign per ward
loaded from the 2026 plan file, and about 225,000 accepted figures, then measures in one run:
the full recompute of every stored period; the floor no scoring can beat (the same per-unit,
per-indicator, per-period sums computed and written by plain SQL into a scratch table, one
INSERT … SELECT … GROUP BY per kind of period); the recompute after one report is accepted;
and the ward overview's render time and query count.
"""

import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from config.celery import app  # noqa: E402
from core.roles import Role  # noqa: E402
from criteria.models import Indicator  # noqa: E402
from emulation.models import IndicatorScore, MonthlyReport, ReportEntry, UnitScore  # noqa: E402
from emulation.plan.loader import load_plan, read_plan_file  # noqa: E402
from emulation.scores.services import scores_recompute  # noqa: E402
from emulation.scores.tasks import recompute_campaigns  # noqa: E402
from units.models import Unit  # noqa: E402

PLAN = read_plan_file(ROOT / "data" / "plans" / "ke-hoach-thi-dua-cchc-2026.yaml")
UNITS_PER_WARD = 10
MONTHS = [date(2026, m, 1) for m in range(1, 13)]

# One INSERT … SELECT … GROUP BY per kind of period: the sums every score is made of, nothing more.
FLOOR = {
    "month": "to_char(r.month, 'YYYY-MM')",
    "quarter": "to_char(r.month, 'YYYY') || '-Q' || extract(quarter from r.month)::int",
    "ytd": None,  # through each month: a join on the months up to it
    "year": "to_char(r.month, 'YYYY')",
}


YTD_JOIN = (
    "JOIN (SELECT generate_series('2026-01-01'::date, '2026-12-01', '1 month')::date AS through) t "
    "ON r.month <= t.through AND extract(year from r.month) = extract(year from t.through)"
)


def _ward(number: int):
    prefix = f"W{number:03d}"
    root = Unit.objects.create(code=f"{prefix}", name=f"UBND phường {prefix}", short_name=prefix, kind="ward")
    codes = [f"{prefix}-{n:02d}" for n in range(1, UNITS_PER_WARD + 1)]
    Unit.objects.bulk_create(
        [
            Unit(code=c, name=f"Đơn vị {c}", short_name=c, kind="department", parent=root, order=i)
            for i, c in enumerate(codes, start=1)
        ]
    )
    data = {
        **PLAN,
        "campaign": {**PLAN["campaign"], "code": f"CCHC-2026-{prefix}", "issuing_unit": prefix, "participants": codes},
    }
    return load_plan(data=data).campaign


def _figures(campaign) -> None:
    """12 accepted months for every unit, figures varying by unit and month."""
    indicators = list(Indicator.objects.filter(campaign=campaign))
    units = list(campaign.participants.all())
    reports = MonthlyReport.objects.bulk_create(
        [MonthlyReport(campaign=campaign, unit=u, month=m, status="accepted") for u in units for m in MONTHS]
    )
    entries = []
    for report in reports:
        seed = report.unit_id * 7 + report.month.month
        for i in indicators:
            if i.kind == "qualitative":
                entries.append(ReportEntry(report=report, indicator=i, self_score=8, appraised_score=5 + seed % 6))
            elif i.measure == "percent":
                den = 50 + (seed + i.pk) % 50
                entries.append(ReportEntry(report=report, indicator=i, numerator=den - seed % 5, denominator=den))
            else:
                entries.append(ReportEntry(report=report, indicator=i, value=100 + (seed * 3) % 40))
    ReportEntry.objects.bulk_create(entries, batch_size=5000)


def _floor() -> float:
    """The same sums by plain SQL into a scratch table; returns seconds."""
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE floor_scores (unit_id bigint, indicator_id bigint, period text, "
            "num bigint, den bigint, val numeric, appraised numeric)"
        )
        started = time.perf_counter()
        base = (
            "INSERT INTO floor_scores SELECT r.unit_id, e.indicator_id, {period}, sum(e.numerator), "
            "sum(e.denominator), sum(e.value), avg(e.appraised_score) FROM emulation_reportentry e "
            "JOIN emulation_monthlyreport r ON r.id = e.report_id {join} WHERE r.status = 'accepted' "
            "GROUP BY r.unit_id, e.indicator_id, {period}"
        )
        for kind, period in FLOOR.items():
            if kind == "ytd":
                cursor.execute(
                    base.format(
                        period="to_char(t.through, 'YYYY') || '-YTD-' || to_char(t.through, 'MM')",
                        join=YTD_JOIN,
                    )
                )
            else:
                cursor.execute(base.format(period=period, join=""))
        elapsed = time.perf_counter() - started
        cursor.execute("SELECT count(*) FROM floor_scores")
        print(f"  floor rows: {cursor.fetchone()[0]:,}")
    return elapsed


def _through_workers(campaigns, floor: float) -> None:
    """The nightly job as it runs: one task per campaign, on a real Celery worker with one process
    per core, through Redis; from an empty store like the first full recompute."""
    if not os.environ.get("REDIS_URL"):
        print("Nightly job on workers: not measured (set REDIS_URL to run a real worker)")
        return
    db = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",  # the throwaway DB
        "DEBUG": "1",
    }
    processes = os.cpu_count() or 2
    worker = subprocess.Popen(  # noqa: S603 — our own interpreter and arguments
        [sys.executable, "-m", "celery", "-q", "-A", "config", "worker", "-c", str(processes), "-l", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        app.conf.task_always_eager = False
        while not app.control.ping(timeout=1):
            time.sleep(0.5)
        IndicatorScore.objects.all().delete()
        UnitScore.objects.all().delete()
        started = time.perf_counter()
        recompute_campaigns([c.pk for c in campaigns]).get(timeout=900)
        elapsed = time.perf_counter() - started
        print(
            f"Nightly job on a worker with {processes} processes, from an empty store: {elapsed:.1f} s "
            f"→ {elapsed / floor:.1f}× the floor; {IndicatorScore.objects.count():,} indicator scores"
        )
    finally:
        app.conf.task_always_eager = True
        worker.terminate()
        worker.wait(timeout=60)


def main() -> None:
    wards = int(sys.argv[1]) if len(sys.argv) > 1 else 125
    if connection.vendor != "postgresql":
        sys.exit("This benchmark measures PostgreSQL: set DATABASE_URL=postgres://…")
    setup_test_environment()
    app.conf.task_always_eager = True
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        started = time.perf_counter()
        campaigns = [_ward(n) for n in range(1, wards + 1)]
        for campaign in campaigns:
            _figures(campaign)
        print(
            f"Built {wards} wards × {UNITS_PER_WARD} units × 12 months × 15 indicators: "
            f"{ReportEntry.objects.count():,} accepted figures in {time.perf_counter() - started:.0f} s"
        )

        started = time.perf_counter()
        rows = sum(scores_recompute(campaign=c) for c in campaigns)
        full = time.perf_counter() - started
        print(f"Full recompute: {full:.1f} s, {rows:,} indicator scores")
        floor = _floor()
        print(f"Plain-SQL floor (sums only): {floor:.1f} s → full recompute = {full / floor:.1f}× the floor")

        started = time.perf_counter()
        sum(scores_recompute(campaign=c) for c in campaigns)
        print(f"Full recompute again, nothing changed: {time.perf_counter() - started:.1f} s")
        _through_workers(campaigns, floor)

        campaign = campaigns[0]
        report = MonthlyReport.objects.filter(campaign=campaign, month=date(2026, 6, 1)).first()
        # The report comes back with other figures and is accepted again: its scores really change.
        ReportEntry.objects.filter(report=report, denominator__isnull=False).update(numerator=0)
        reset_queries()  # the full recompute overflowed the query log
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            scores_recompute(campaign=campaign, units=[report.unit], months=[report.month])
        print(f"One report's recompute: {(time.perf_counter() - started) * 1000:.0f} ms, {len(queries)} queries")

        user = get_user_model().objects.create_user("bench", password="x")  # noqa: S106
        user.groups.add(Group.objects.get_or_create(name=Role.SECRETARIAT.group_name)[0])
        client = Client()
        client.force_login(user)
        unit = campaign.participants.order_by("order").first()
        indicator = Indicator.objects.get(campaign=campaign, code="1.3c")
        pages = {
            "Ward overview": reverse("emulation:score-overview", kwargs={"code": campaign.code}) + "?ky=2026-12",
            "Unit page": reverse("emulation:score-unit", kwargs={"code": campaign.code, "unit_code": unit.code})
            + "?ky=2026-YTD",
            "Indicator page": reverse(
                "emulation:score-indicator", kwargs={"code": campaign.code, "indicator_code": indicator.code}
            ),
        }
        for name, url in pages.items():
            client.get(url)  # warm the templates
            timings = []
            for _ in range(5):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append(time.perf_counter() - started)
            assert response.status_code == 200, (name, response.status_code)
            print(f"{name}: median {sorted(timings)[2] * 1000:.0f} ms over 5 renders, {len(queries)} queries")
        print(f"Stored indicator scores: {IndicatorScore.objects.count():,}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
