"""Benchmark: a 1,000-row long-layout import timed end to end (web upload → job done) on the configured database.

Run: DEBUG=1 .venv/bin/python bench/import_rows.py
It builds Django's throwaway test database on the configured engine (DATABASE_URL; SQLite in
memory by default) and a temporary MEDIA_ROOT, so real data is never touched. Celery runs
eagerly, as without REDIS_URL, so the upload request returns once the job has finished.
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import openpyxl  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    override_settings,
    setup_test_environment,
    teardown_test_environment,
)
from django.urls import reverse  # noqa: E402

from config.celery import app  # noqa: E402
from core.roles import Role  # noqa: E402
from criteria.models import Indicator  # noqa: E402
from emulation.models import ImportJob, MonthlyReport  # noqa: E402
from emulation.plan.loader import load_plan, read_plan_file  # noqa: E402
from emulation.reports.excel import importer  # noqa: E402
from units.models import Unit  # noqa: E402

PLAN = ROOT / "data" / "plans" / "ke-hoach-thi-dua-cchc-2026.yaml"
UNITS = ["VP", "KTHTDT", "VHXH", "TTPVHCC", "TTDVTH", "TTYT", "CAP"]  # the last two join the plan here
ROWS = 1000


def _ward():
    root = Unit.objects.create(code="NGN", name="UBND phường", short_name="UBND phường", kind=Unit.Kind.WARD)
    for order, code in enumerate(UNITS, start=1):
        Unit.objects.create(
            code=code, name=f"Đơn vị {code}", short_name=code, kind=Unit.Kind.DEPARTMENT, parent=root, order=order
        )
    campaign = load_plan(data=read_plan_file(PLAN)).campaign
    campaign.participants.add(*Unit.objects.filter(code__in=UNITS))
    user = get_user_model().objects.create_user("bench", password="x")  # noqa: S106
    user.groups.add(Group.objects.get_or_create(name=Role.SECRETARIAT.group_name)[0])
    return campaign, user


def _sheet(campaign) -> bytes:
    """ROWS rows: every unit × month × indicator, in that order, cut at ROWS."""
    indicators = list(Indicator.objects.filter(campaign=campaign).order_by("criterion__order", "order", "code"))
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Số liệu"
    sheet.append(["Mã đơn vị", "Tháng", "Mã chỉ tiêu", "Tử số", "Mẫu số", "Giá trị"])
    count = 0
    for unit_index, unit in enumerate(UNITS):
        for month in range(1, 13):
            for indicator in indicators:
                if count == ROWS:
                    break
                seed = unit_index * 31 + month * 7 + count
                if indicator.measure == Indicator.Measure.PERCENT:
                    denominator = 50 + seed % 50
                    row = [seed % (denominator + 1), denominator, None]
                elif indicator.kind == Indicator.Kind.QUALITATIVE:
                    row = [None, None, 5 + (seed % 10) / 2]
                else:
                    row = [None, None, 100 + seed % 80]
                sheet.append([unit, f"2026-{month:02d}", indicator.code, *row])
                count += 1
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _upload(client, campaign, data: bytes) -> tuple[float, int, ImportJob]:
    url = reverse("emulation:figures-import", kwargs={"code": campaign.code})
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.post(url, {"file": SimpleUploadedFile("bench.xlsx", data)})
        elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    job = ImportJob.objects.latest("pk")
    assert job.status == ImportJob.Status.DONE, job.errors[:5]
    return elapsed, len(queries), job


def main() -> None:
    setup_test_environment()
    app.conf.task_always_eager = True
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
            campaign, user = _ward()
            data = _sheet(campaign)
            started = time.perf_counter()
            checked = importer.long_rows_check(campaign=campaign, source=io.BytesIO(data))
            check_only = time.perf_counter() - started
            assert len(checked.rows) == ROWS and not checked.errors
            client = Client()
            client.force_login(user)
            first, first_queries, job = _upload(client, campaign, data)
            second, second_queries, again = _upload(client, campaign, data)
            engine = connection.vendor
            print(f"Database: {engine}; file: {ROWS} rows, {len(data) / 1024:.0f} KiB")
            print(f"Read and check only (no writes):           {check_only:.2f} s")
            print(f"First import, end to end (upload → done):  {first:.2f} s, {first_queries} queries — {job.summary}")
            print(
                f"Same file again (accepted, left alone):    {second:.2f} s, {second_queries} queries — {again.summary}"
            )
            print(f"Reports in the database: {MonthlyReport.objects.count()}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
