"""Permission-table rows for the monthly report pages (see core/tests/test_permissions.py)."""

from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from emulation.reports import services

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WARD_WIDE = {"sam": 200, "chris": 200, "ada": 200}


def context(ctx) -> dict:
    """A report of VP (alice's unit) and one of KTHTDT (bob's), each with an evidence file."""
    campaign, alice, bob = ctx["campaign"], ctx["alice"], ctx["bob"]
    vp = services.report_open(campaign=campaign, unit=alice.official.unit, month=date(2026, 10, 1), actor=alice)
    kt = services.report_open(campaign=campaign, unit=bob.official.unit, month=date(2026, 10, 1), actor=bob)
    evidence = {}
    for report, user in ((vp, alice), (kt, bob)):
        entry = report.entries.get(indicator__code="1.1")
        upload = SimpleUploadedFile("minh-chung.pdf", PDF, content_type="application/pdf")
        evidence[report.unit.code] = services.evidence_add(entry=entry, upload=upload, actor=user)
    return {"report_vp": vp, "report_kt": kt, "evidence_vp": evidence["VP"], "evidence_kt": evidence["KTHTDT"]}


def _vp(key):
    return lambda ctx: {"pk": ctx[key].pk}


OWN_VP = {"alice": 200, "bob": 404, "olga": 404, **WARD_WIDE}
EDIT_VP = {"alice": 200, "bob": 404, "olga": 404, "sam": 302, "chris": 302, "ada": 302}
POST_ONLY = dict.fromkeys(["alice", "bob", "olga", "sam", "chris", "ada"], 405)

ROWS = {
    "emulation:report-detail": (_vp("report_vp"), OWN_VP, "login"),
    "emulation:report-edit": (_vp("report_vp"), EDIT_VP, "login"),
    "emulation:report-transition": (lambda ctx: {"pk": ctx["report_vp"].pk, "action": "submit"}, POST_ONLY, "login"),
    "emulation:evidence-upload": (lambda ctx: {"entry_pk": ctx["report_vp"].entries.first().pk}, POST_ONLY, "login"),
    "emulation:evidence-download": (_vp("evidence_vp"), OWN_VP, "login"),
    "emulation:evidence-delete": (_vp("evidence_vp"), POST_ONLY, "login"),
    "emulation:report-open": (lambda ctx: {"code": ctx["campaign"].code}, POST_ONLY, "login"),
}
