"""Permission-table rows for this feature's URLs (see core/tests/test_permissions.py)."""

from datetime import date

from emulation.models import ImportJob, MonthlyReport
from emulation.reports import services
from units.models import Unit

# A month other features' rows do not open, so the reports never collide.
MONTH = date(2026, 11, 1)
WARD_ROLES = {"sam": 200, "chris": 200, "ada": 200}


def _report(ctx: dict, unit_code: str, actor) -> MonthlyReport:
    unit = Unit.objects.get(code=unit_code)
    existing = MonthlyReport.objects.filter(campaign=ctx["campaign"], unit=unit, month=MONTH).first()
    return existing or services.report_open(campaign=ctx["campaign"], unit=unit, month=MONTH, actor=actor)


def context(ctx: dict) -> dict:
    """A VP report opened by alice, a KT-HT-ĐT report opened by bob, and alice's import job."""
    report_vp = _report(ctx, "VP", ctx["alice"])
    report_kthtdt = _report(ctx, "KTHTDT", ctx["bob"])
    job = ImportJob.objects.create(
        campaign=ctx["campaign"],
        report=report_vp,
        kind=ImportJob.Kind.UNIT_MONTH,
        file="imports/url-table.xlsx",
        original_name="bao-cao-VP.xlsx",
        status=ImportJob.Status.DONE,
        created_by=ctx["alice"],
    )
    return {"excel_report_vp": report_vp, "excel_report_kthtdt": report_kthtdt, "excel_job": job}


ROWS = {
    # A unit head downloads only their own unit's template; bob heads another unit.
    "emulation:report-excel-template": (
        lambda ctx: {"pk": ctx["excel_report_vp"].pk},
        {"alice": 200, "bob": 404, "olga": 404, **WARD_ROLES},
        "login",
    ),
    # POST only: a GET is refused before anything else.
    "emulation:report-excel-upload": (
        lambda ctx: {"pk": ctx["excel_report_kthtdt"].pk},
        dict.fromkeys(["alice", "bob", "olga", "sam", "chris", "ada"], 405),
        "login",
    ),
    "emulation:figures-import": (
        lambda ctx: {"code": ctx["campaign"].code},
        {"alice": 404, "bob": 404, "olga": 404, "sam": 200, "chris": 404, "ada": 404},
        "login",
    ),
    # The job's creator (alice) and the secretariat only.
    "emulation:import-job": (
        lambda ctx: {"pk": ctx["excel_job"].pk},
        {"alice": 200, "bob": 404, "olga": 404, "sam": 200, "chris": 404, "ada": 404},
        "login",
    ),
    # Every unit head exports (their own unit's rows only); an official heads no unit.
    "emulation:figures-export": (
        lambda ctx: {"code": ctx["campaign"].code},
        {"alice": 200, "bob": 200, "olga": 404, **WARD_ROLES},
        "login",
    ),
}
