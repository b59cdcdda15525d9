"""Benchmark: the award history import (awards/history/imports.py), 2,000 rows — its limit — read, checked and
stored in the request, as the secretariat's upload runs it.

Run: DEBUG=1 .venv/bin/python bench/history_import.py
It builds Django's throwaway test database on the configured engine (DATABASE_URL; SQLite in memory by default),
so real data is never touched.
"""

import io
import os
import sys
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
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment  # noqa: E402

from awards.history.imports import HEADER, MAX_ROWS, awards_import  # noqa: E402
from awards.history.models import Award  # noqa: E402
from core.roles import Role  # noqa: E402
from units.models import Official, Position, Unit  # noqa: E402

PEOPLE = 80  # officials of the ward the rows name (25 awards each, one a year)


def _ward() -> object:
    root = Unit.objects.create(code="NGN", name="UBND phường", short_name="UBND phường", kind=Unit.Kind.WARD)
    unit = Unit.objects.create(code="VP", name="Văn phòng", short_name="VP", kind=Unit.Kind.OFFICE, parent=root)
    position = Position.objects.create(name="Công chức")
    for n in range(PEOPLE):
        Official.objects.create(full_name=f"Nguyễn Văn Số {n:02d}", sex="M", position=position, unit=unit)
    user = get_user_model().objects.create_user("bench", password="x")  # noqa: S106
    user.groups.add(Group.objects.get_or_create(name=Role.SECRETARIAT.group_name)[0])
    return user


def _sheet() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Khen thưởng"
    sheet.append(HEADER)
    for n in range(MAX_ROWS):
        person = f"Nguyễn Văn Số {n % PEOPLE:02d}"
        year = 1980 + n // PEOPLE
        decision = (f"{n + 1}/QĐ-UBND", f"15/12/{year}", "Chủ tịch UBND")
        sheet.append(["VP", person, None, year, "Lao động tiên tiến", *decision, None, None])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        user = _ward()
        data = _sheet()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            result = awards_import(source=io.BytesIO(data), actor=user)
            elapsed = time.perf_counter() - started
        reads = sum(1 for q in queries if not q["sql"].startswith("INSERT"))
        print(f"Database: {connection.vendor}; file: {MAX_ROWS} rows, {len(data) / 1024:.0f} KiB")
        print(f"Read, check and store: {elapsed:.2f} s, {len(queries)} queries ({reads} not inserts)")
        print(f"Awards stored: {Award.objects.count()} (the result says {result.individual})")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
